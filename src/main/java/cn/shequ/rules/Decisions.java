package cn.shequ.rules;

/**
 * Decision ids, resource paths, variable names and output values of the DMN tables in
 * {@code processes/}: the one place that BPMN business-rule tasks, services and tests share.
 *
 * <p>The tables hold the numbers (quorum, thresholds, grade bands); this class only names
 * things, so changing a threshold never needs a change here. Plain strings on purpose: no
 * Camunda type appears, so any feature can use these names.
 */
public final class Decisions {

    private Decisions() {
    }

    /** 居民会议表决结果 — quorum and majority of a residents' (representatives') meeting, 居委会法 art. 9. */
    public static final class MeetingOutcome {
        public static final String ID = "resident-meeting-outcome";
        public static final String RESOURCE = "processes/resident-meeting-outcome.dmn";

        /** Input, string: {@link #KIND_RESIDENTS_MEETING} or {@link #KIND_REPRESENTATIVES_MEETING}. */
        public static final String KIND = "kind";
        /** Input, long: people entitled to attend in the mode the meeting was called in. */
        public static final String ELIGIBLE = "eligible";
        /** Input, long: people present. */
        public static final String PRESENT = "present";
        /** Input, long: yes votes. */
        public static final String YES = "yes";

        /** Output, string: {@link #OUTCOME_NO_QUORUM}, {@link #OUTCOME_PASSED} or {@link #OUTCOME_REJECTED}. */
        public static final String OUTCOME = "outcome";
        /** Output, boolean: the meeting had its quorum. */
        public static final String QUORUM = "quorum";
        /** Output, boolean: the proposal was adopted. */
        public static final String PASSED = "passed";

        public static final String KIND_RESIDENTS_MEETING = "RESIDENTS_MEETING";
        public static final String KIND_REPRESENTATIVES_MEETING = "REPRESENTATIVES_MEETING";

        public static final String OUTCOME_NO_QUORUM = "NO_QUORUM";
        public static final String OUTCOME_PASSED = "PASSED";
        public static final String OUTCOME_REJECTED = "REJECTED";

        private MeetingOutcome() {
        }
    }

    /** 审批权限 — which departments review a project, by amount. */
    public static final class ApprovalAuthority {
        public static final String ID = "approval-authority";
        public static final String RESOURCE = "processes/approval-authority.dmn";

        /** Input, double: project amount in yuan. */
        public static final String AMOUNT = "amount";
        /** Input, string: service category code (RELIEF, ELDERLY_CARE, ...). */
        public static final String CATEGORY = "category";

        /** Output, boolean: the street office (街道办事处) reviews. */
        public static final String STREET_OFFICE_REVIEW = "streetOfficeReview";
        /** Output, boolean: the district civil affairs bureau (区民政局) reviews after the street office. */
        public static final String CIVIL_AFFAIRS_REVIEW = "civilAffairsReview";

        private ApprovalAuthority() {
        }
    }

    /** 绩效评价等级 — grade of a weighted performance score, 财预〔2020〕10号. */
    public static final class PerformanceGrade {
        public static final String ID = "performance-grade";
        public static final String RESOURCE = "processes/performance-grade.dmn";

        /** Input, double: weighted total score, 0 to 100. */
        public static final String SCORE = "score";

        /** Output, string: {@link #GRADE_EXCELLENT}, {@link #GRADE_GOOD}, {@link #GRADE_FAIR} or {@link #GRADE_POOR}. */
        public static final String GRADE = "grade";

        public static final String GRADE_EXCELLENT = "EXCELLENT";
        public static final String GRADE_GOOD = "GOOD";
        public static final String GRADE_FAIR = "FAIR";
        public static final String GRADE_POOR = "POOR";

        private PerformanceGrade() {
        }
    }

    /** 采购方式 — procurement method by amount, 国办发〔2019〕55号 and 采购法 arts. 26–32. */
    public static final class ProcurementMethod {
        public static final String ID = "procurement-method";
        public static final String RESOURCE = "processes/procurement-method.dmn";

        /**
         * Input, double: yuan; this purchase plus the earlier purchases of the same category by
         * the same purchaser in the fiscal year (采购法 art. 28; the caller adds them up).
         */
        public static final String AMOUNT = "amount";
        /** Input, string, may be null or empty: the method the purchaser asks for. */
        public static final String REQUESTED_METHOD = "requestedMethod";

        /** Output, string: one of the {@code METHOD_} values below. */
        public static final String METHOD = "method";
        /** Output, boolean: the method needs the finance department's approval (采购法 art. 27). */
        public static final String NEEDS_FINANCE_APPROVAL = "needsFinanceApproval";

        public static final String METHOD_SMALL_PURCHASE = "SMALL_PURCHASE";
        public static final String METHOD_COMPETITIVE_CONSULTATION = "COMPETITIVE_CONSULTATION";
        public static final String METHOD_OPEN_TENDER = "OPEN_TENDER";
        public static final String METHOD_SINGLE_SOURCE = "SINGLE_SOURCE";
        public static final String METHOD_COMPETITIVE_NEGOTIATION = "COMPETITIVE_NEGOTIATION";

        private ProcurementMethod() {
        }
    }
}
