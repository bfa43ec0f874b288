package cn.shequ.document;

/** The kinds of formal paper the processes issue, with their Chinese names as printed. */
public enum DocumentType {
    PROJECT_REPORT("项目报告书"),
    MEETING_RESOLUTION("居民会议决议"),
    REVIEW_OPINION("审批意见书"),
    PAYMENT_VOUCHER("拨付凭证"),
    ACCEPTANCE_REPORT("验收报告"),
    PERFORMANCE_REPORT("绩效评价报告"),
    DISCLOSURE_NOTICE("居务公开表"),
    AUDIT_REPORT("审计报告"),
    PROCUREMENT_NOTICE("采购公告"),
    AWARD_NOTICE("中标（成交）公告"),
    CONTRACT("政府购买服务合同"),
    ANNUAL_REPORT("年度进展报告");

    private final String chineseName;

    DocumentType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
