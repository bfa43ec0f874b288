package cn.shequ.reports;

/**
 * The one source of truth for the {@code annual-report} process (processes/annual-report.bpmn): its
 * id, task keys, element ids, variables and the beans it calls; {@code AnnualReportModelTest} checks
 * the model against them.
 */
public final class AnnualReportProcess {

    public static final String PROCESS_ID = "annual-report";
    public static final String RESOURCE = "processes/annual-report.bpmn";

    private AnnualReportProcess() {}

    public static final class Tasks {
        /** Civil-affairs staff of the reporting body add the narrative to Shequ's draft. */
        public static final String WRITE_NARRATIVE = "write-report-narrative";
        /** Another civil-affairs officer of the body approves it (or returns it). */
        public static final String APPROVE = "approve-annual-report";
        /** The issued report is submitted to the recipient. */
        public static final String SUBMIT = "submit-annual-report";

        private Tasks() {}
    }

    public static final class Elements {
        public static final String START = "annual-report-drafted";
        public static final String ISSUE = "issue-annual-report";
        public static final String REMINDER = "annual-report-reminder";
        public static final String OVERDUE = "annual-report-overdue";
        public static final String REMIND = "remind-annual-report";
        public static final String ESCALATE = "escalate-annual-report";
        public static final String END = "annual-report-submitted";

        private Elements() {}
    }

    public static final class Vars {
        /** The report's code (AR-2026-D01), also the business key. */
        public static final String REPORT_CODE = "reportCode";
        /** ISO date-time of the reminder, and of the end of the deadline's last day. */
        public static final String REMIND_AT = "remindAt";
        public static final String DUE_AT = "dueAt";
        /** APPROVE or RETURN, from approve-annual-report. */
        public static final String DECISION = "decision";

        private Vars() {}
    }

    /** Values of {@link Vars#DECISION}. */
    public static final class Decision {
        public static final String APPROVE = "APPROVE";
        public static final String RETURN = "RETURN";

        private Decision() {}
    }

    public static final class Beans {
        public static final String TASKS = "annualReportTaskLifecycle";
        public static final String ISSUE = "issueAnnualReport";
        public static final String REMIND = "remindAnnualReport";
        public static final String ESCALATE = "escalateAnnualReport";

        private Beans() {}
    }
}
