package cn.shequ.procurement.evaluation;

/** One score-bid task: the committee member who scores in it and the bid they score. */
record ScoringTask(String taskId, String procurementCode, String memberUser, long bidId) {}
