package cn.shequ.project;

import java.util.Set;

/**
 * The one source of truth for the {@code service-project} process: its id, the element ids that
 * code refers to, user-task keys (API.md), variable names, message names and the Spring beans
 * the model calls. The BPMN in processes/service-project.bpmn, the delegates, the controllers
 * and the tests all use these names; {@code ServiceProjectModelTest} checks the model against them.
 */
public final class ServiceProjectProcess {

    public static final String PROCESS_ID = "service-project";
    public static final String RESOURCE = "processes/service-project.bpmn";

    private ServiceProjectProcess() {}

    /** User-task keys of API.md (the BPMN element ids of the user tasks). */
    public static final class Tasks {
        public static final String PREPARE_PROPOSAL = "prepare-proposal";
        public static final String RECORD_RESIDENT_MEETING = "record-resident-meeting";
        public static final String STREET_OFFICE_REVIEW = "street-office-review";
        public static final String CIVIL_AFFAIRS_REVIEW = "civil-affairs-review";
        public static final String FINANCE_REVIEW = "finance-review";
        public static final String REPORT_MILESTONE = "report-milestone";
        public static final String ACCEPT_MILESTONE = "accept-milestone";
        public static final String APPROVE_PAYMENT = "approve-payment";
        public static final String FINAL_ACCEPTANCE = "final-acceptance";
        public static final String AUDIT_REVIEW = "audit-review";
        public static final String RECTIFY = "rectify";

        private Tasks() {}
    }

    /** Other element ids that code or tests refer to. */
    public static final class Elements {
        public static final String START = "project-started";
        public static final String DECIDE_APPROVAL_AUTHORITY = "decide-approval-authority";
        /** Call activity: the purchase of services that delivers a PURCHASE project. */
        public static final String PURCHASE_SERVICE = "purchase-service";
        public static final String ADOPT_CONTRACT = "adopt-contract";
        public static final String MILESTONES = "milestones";
        public static final String DISBURSE_PAYMENT = "disburse-payment";
        public static final String SETTLE_PROJECT = "settle-project";
        public static final String PUBLISH_DISCLOSURE = "publish-disclosure";
        public static final String STREET_OFFICE_REVIEW_OVERDUE = "street-office-review-overdue";
        public static final String CIVIL_AFFAIRS_REVIEW_OVERDUE = "civil-affairs-review-overdue";
        public static final String FINANCE_REVIEW_OVERDUE = "finance-review-overdue";
        /** Non-interrupting boundary timers of the three reviews, due with the task (process tests fire them). */
        public static final String STREET_OFFICE_REVIEW_DUE = "street-office-review-due";
        public static final String CIVIL_AFFAIRS_REVIEW_DUE = "civil-affairs-review-due";
        public static final String FINANCE_REVIEW_DUE = "finance-review-due";
        public static final String WITHDRAWN = "project-withdrawn";
        public static final String ENDED_CLOSED = "project-closed";
        public static final String ENDED_REJECTED = "project-rejected";
        public static final String ENDED_REJECTED_BY_RESIDENTS = "project-rejected-by-residents";
        public static final String ENDED_NO_QUORUM = "project-no-quorum-withdrawn";
        public static final String ENDED_PURCHASE_FAILED = "project-purchase-failed";

        private Elements() {}
    }

    /** Process variables: ids and small decisions only; the project itself lives in Shequ's tables. */
    public static final class Vars {
        /** The project code, also the business key. */
        public static final String PROJECT_CODE = "projectCode";
        /** The committee member who drafted the proposal; assignee of prepare-proposal. */
        public static final String AUTHOR = "author";
        /** A {@link DeliveryMode}: SELF, SOCIAL_ORG or PURCHASE. */
        public static final String DELIVERY_MODE = "deliveryMode";
        public static final String MILESTONE_COUNT = "milestoneCount";
        /** Local to one milestone iteration: 1, 2, … */
        public static final String MILESTONE_SEQ = "milestoneSeq";
        /** PASSED, REJECTED or NO_QUORUM, set when a meeting is recorded. */
        public static final String MEETING_OUTCOME = "meetingOutcome";
        /** True while another meeting may be convened after NO_QUORUM. */
        public static final String MAY_RECONVENE = "mayReconvene";
        public static final String STREET_OFFICE_REVIEW = "streetOfficeReview";
        public static final String CIVIL_AFFAIRS_REVIEW = "civilAffairsReview";
        /** The decision of the task just completed: APPROVE, RETURN, REJECT; CLEAN or FINDINGS for audit. */
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        /** The code of the purchase a PURCHASE project called (business key of the called instance). */
        public static final String PROCUREMENT_CODE = "procurementCode";
        /** Returned by the called purchase: {@link PurchaseOutcome}. */
        public static final String PURCHASE_OUTCOME = "purchaseOutcome";
        /** Returned by the called purchase: the user of the contracted provider, who reports the milestones. */
        public static final String SUPPLIER = "supplier";

        /**
         * Set by the process and Shequ's code, never by whoever completes a task: a completion that
         * submits or changed one of them is refused (decision and comment are the forms' own).
         */
        public static final Set<String> SET_BY_PROCESS = Set.of(PROJECT_CODE, AUTHOR, DELIVERY_MODE,
                MILESTONE_COUNT, MILESTONE_SEQ, MEETING_OUTCOME, MAY_RECONVENE, STREET_OFFICE_REVIEW, CIVIL_AFFAIRS_REVIEW,
                PROCUREMENT_CODE, PURCHASE_OUTCOME, SUPPLIER);
        /** What the author's edits of the proposal change while prepare-proposal is open (ProjectService.update). */
        public static final Set<String> SET_BY_PROPOSAL = Set.of(DELIVERY_MODE, MILESTONE_COUNT);

        private Vars() {}
    }

    /** Values of {@link Vars#DECISION}. */
    public static final class Decision {
        public static final String APPROVE = "APPROVE";
        public static final String RETURN = "RETURN";
        public static final String REJECT = "REJECT";
        public static final String CLEAN = "CLEAN";
        public static final String FINDINGS = "FINDINGS";

        private Decision() {}
    }

    /** Values of {@link Vars#DELIVERY_MODE}; the model calls a purchase for {@link #PURCHASE} only. */
    public static final class DeliveryMode {
        /** 居委会自办: the committee delivers the service itself. */
        public static final String SELF = "SELF";
        /** 社会组织承接: a social organisation delivers it. */
        public static final String SOCIAL_ORG = "SOCIAL_ORG";
        /** 政府购买服务: bought from a provider (purchase-of-service). */
        public static final String PURCHASE = "PURCHASE";

        private DeliveryMode() {}
    }

    /** Values of {@link Vars#PURCHASE_OUTCOME}: how the called purchase ended. */
    public static final class PurchaseOutcome {
        /** Contract signed and published: the project delivers its milestones. */
        public static final String CONTRACTED = "CONTRACTED";
        public static final String CANCELLED = "CANCELLED";
        /** Finance refused the method asked for: the project calls a new purchase. */
        public static final String REJECTED = "REJECTED";

        private PurchaseOutcome() {}
    }

    /** Messages the process waits for. */
    public static final class Messages {
        /** The committee withdraws the project (interrupting event subprocess). */
        public static final String WITHDRAW = "project-withdraw";

        private Messages() {}
    }

    /** Spring beans the model calls (delegateExpression / expressions). */
    public static final class Beans {
        /** Task listener on every user task, events create, assignment, complete, delete. */
        public static final String TASK_LIFECYCLE = "projectTaskLifecycle";
        /** {@code ${reviewDeadlines.due()}}: 10 working days from today, as a Date (due date and timer). */
        public static final String REVIEW_DEADLINES = "reviewDeadlines";
        /**
         * {@code ${committeeGroupOfProject.of(execution)}}: the candidate group of the committee's tasks, the
         * committee group of the project's community (ADR 0065).
         */
        public static final String COMMITTEE_GROUP = "committeeGroupOfProject";
        public static final String DECIDE_APPROVAL_AUTHORITY = "decideApprovalAuthority";
        public static final String ESCALATE_OVERDUE_REVIEW = "escalateOverdueReview";
        public static final String DISBURSE_PAYMENT = "disburseMilestonePayment";
        public static final String SETTLE_PROJECT = "settleProject";
        public static final String PUBLISH_DISCLOSURE = "publishDisclosure";
        /**
         * Execution listener (event start) on purchase-service: gives the purchase its code
         * (PS-year-sequence), the business key of the called instance.
         */
        public static final String OPEN_PURCHASE = "openProjectPurchase";
        /** The contract's milestones become the project's; its supplier reports them. */
        public static final String ADOPT_CONTRACT = "adoptPurchaseContract";
        /** A purchase that bought nothing: the project's reservation returns to the fund. */
        public static final String RELEASE_RESERVATION = "releaseProjectReservation";
        /**
         * Execution listener (event start) on purchase-service and on every end event: records the
         * project status that element stands for (IN_PROCUREMENT, CLOSED, REJECTED, …).
         */
        public static final String STATUS_LISTENER = "projectStatusListener";

        private Beans() {}
    }
}
