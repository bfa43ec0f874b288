package cn.shequ.procurement;

import cn.shequ.project.ServiceProjectProcess;
import java.util.Set;

/**
 * The one source of truth for the {@code purchase-of-service} process: its id, the element ids
 * that code refers to, user-task keys, variable names, messages, errors and the Spring beans the
 * model calls. The BPMN in processes/purchase-of-service.bpmn, the delegates, the controllers and
 * the tests all use these names; {@code PurchaseModelTest} checks the model against them.
 */
public final class PurchaseProcess {

    public static final String PROCESS_ID = "purchase-of-service";
    public static final String RESOURCE = "processes/purchase-of-service.bpmn";

    private PurchaseProcess() {}

    /** User-task keys (the BPMN element ids of the user tasks). */
    public static final class Tasks {
        /** The purchaser states the requirement of a purchase a service project called (102号令 arts. 5–6). */
        public static final String DEFINE_REQUIREMENT = "define-requirement";
        /** Finance approves SINGLE_SOURCE or COMPETITIVE_NEGOTIATION (采购法 art. 27). */
        public static final String APPROVE_METHOD = "approve-method";
        /** The purchaser publishes the procurement notice with its bid deadline. */
        public static final String PUBLISH_NOTICE = "publish-notice";
        /** Too few qualified bids: re-tender, switch method or cancel (采购法 art. 36). */
        public static final String DECIDE_AFTER_FAILURE = "decide-after-failure";
        public static final String FORM_COMMITTEE = "form-committee";
        /** One per committee member and qualified bid, assigned to the member. */
        public static final String SCORE_BID = "score-bid";
        /** One per challenge, answered by the purchaser within 7 working days (采购法 art. 53). */
        public static final String ANSWER_CHALLENGE = "answer-challenge";
        public static final String SIGN_CONTRACT = "sign-contract";
        public static final String PUBLISH_CONTRACT = "publish-contract";
        public static final String REPORT_MILESTONE = "report-contract-milestone";
        public static final String ACCEPT_MILESTONE = "accept-contract-milestone";
        public static final String APPROVE_PAYMENT = "approve-contract-payment";
        public static final String FINAL_EVALUATION = "final-evaluation";

        private Tasks() {}
    }

    /** Other element ids that code or tests refer to. */
    public static final class Elements {
        public static final String START = "procurement-started";
        public static final String BID_DEADLINE = "bid-deadline";
        public static final String CLOSE_BIDDING = "close-bidding";
        public static final String EVALUATION = "evaluation";
        public static final String RANK_BIDS = "rank-bids";
        public static final String CHALLENGE_PERIOD = "challenge-period";
        public static final String CHALLENGE_PERIOD_ENDS = "challenge-period-ends";
        public static final String CHALLENGE_UPHELD = "challenge-upheld";
        /** The ends of one challenge's handling: upheld (reopens the evaluation) or dismissed. */
        public static final String CHALLENGE_UPHELD_END = "challenge-upheld-end";
        public static final String CHALLENGE_DISMISSED = "challenge-dismissed";
        public static final String ANSWER_CHALLENGE_DUE = "answer-challenge-due";
        public static final String ANSWER_CHALLENGE_OVERDUE = "answer-challenge-overdue";
        public static final String SIGN_CONTRACT_DUE = "sign-contract-due";
        public static final String SIGN_CONTRACT_OVERDUE = "sign-contract-overdue";
        public static final String MILESTONES = "contract-milestones";
        public static final String DISBURSE_PAYMENT = "disburse-contract-payment";
        public static final String SETTLE = "settle-purchase";
        public static final String ENDED_COMPLETED = "procurement-completed";
        public static final String ENDED_CANCELLED = "procurement-cancelled";
        public static final String ENDED_REJECTED = "procurement-rejected";
        /** A service project's purchase ends with its contract published: the project delivers and pays it. */
        public static final String ENDED_HANDED_TO_PROJECT = "contract-handed-to-project";

        private Elements() {}
    }

    /** Process variables: ids and small facts only; the procurement lives in Shequ's tables. */
    public static final class Vars {
        /** The procurement code, also the business key. */
        public static final String PROCUREMENT_CODE = "procurementCode";
        /** True when a service project called the purchase (call activity); false when a purchaser started it. */
        public static final String FOR_PROJECT = "forProject";
        /** The service project that called the purchase (its code). */
        public static final String PROJECT_CODE = ServiceProjectProcess.Vars.PROJECT_CODE;
        /** How the purchase ended, for the project that called it: {@link ServiceProjectProcess.PurchaseOutcome}. */
        public static final String PURCHASE_OUTCOME = ServiceProjectProcess.Vars.PURCHASE_OUTCOME;
        /** The user who created the procurement; assignee of the purchaser's tasks. */
        public static final String PURCHASER = "purchaser";
        /** The method needs finance approval (SINGLE_SOURCE, COMPETITIVE_NEGOTIATION). */
        public static final String NEEDS_FINANCE_APPROVAL = "needsFinanceApproval";
        /** True while finance decides on a method the purchaser switched to after a failure. */
        public static final String METHOD_SWITCH = "methodSwitch";
        /** The bid deadline, a date-time (timer of bid-deadline). */
        public static final String BID_DEADLINE = "bidDeadline";
        /** Enough qualified bids at the deadline (采购法 art. 36). */
        public static final String ENOUGH_BIDS = "enoughBids";
        /** Multi-instance element variables of the scoring: the member and the bid they score. */
        public static final String MEMBER = "member";
        public static final String BID_ID = "bidId";
        /** The user of the winning provider who bid; assignee of its milestone reports. */
        public static final String SUPPLIER = "supplier";
        /** End of the challenge period: 7 working days after the 1-working-day result notice period (采购法 art. 52; 条例 art. 53(三); 87号令 art. 69). */
        public static final String CHALLENGE_DEADLINE = "challengeDeadline";
        /** The contract is due 30 days after the award notice (采购法 art. 46). */
        public static final String CONTRACT_DUE = "contractDue";
        /** The contract is published within 2 working days of signing (条例 art. 50). */
        public static final String PUBLISH_DUE = "publishDue";
        public static final String MILESTONE_COUNT = "milestoneCount";
        /** Local to one milestone iteration: 1, 2, … */
        public static final String MILESTONE_SEQ = "milestoneSeq";
        /** The decision of the task just completed. */
        public static final String DECISION = "decision";

        /**
         * Set by the process and Shequ's code, never by whoever completes a task: a completion that
         * submits or changed one of them is refused (decision and bidDeadline are the forms' own).
         */
        public static final Set<String> SET_BY_PROCESS = Set.of(PROCUREMENT_CODE, FOR_PROJECT, PROJECT_CODE,
                PURCHASE_OUTCOME, PURCHASER, NEEDS_FINANCE_APPROVAL, METHOD_SWITCH, ENOUGH_BIDS, MEMBER, BID_ID, SUPPLIER,
                CHALLENGE_DEADLINE, CONTRACT_DUE, PUBLISH_DUE, MILESTONE_COUNT, MILESTONE_SEQ);

        private Vars() {}
    }

    /** Values of {@link Vars#DECISION}. */
    public static final class Decision {
        public static final String APPROVE = "APPROVE";
        public static final String REJECT = "REJECT";
        public static final String RETURN = "RETURN";
        public static final String RETENDER = "RETENDER";
        public static final String SWITCH_METHOD = "SWITCH_METHOD";
        public static final String CANCEL = "CANCEL";
        public static final String UPHOLD = "UPHOLD";
        public static final String DISMISS = "DISMISS";

        private Decision() {}
    }

    /** Messages the process waits for. */
    public static final class Messages {
        /** A bidder files a challenge (non-interrupting event sub-process of the challenge period). */
        public static final String CHALLENGE_FILED = "procurement-challenge-filed";

        private Messages() {}
    }

    /** BPMN error codes. */
    public static final class Errors {
        /** An upheld challenge ends the challenge period and reopens the evaluation. */
        public static final String CHALLENGE_UPHELD = "CHALLENGE_UPHELD";

        private Errors() {}
    }

    /** Spring beans the model calls (delegateExpression / expressions). */
    public static final class Beans {
        /** Task listener on every user task, events create, assignment, complete, delete. */
        public static final String TASK_LIFECYCLE = "procurementTaskLifecycle";
        /** Execution listener (event start) on every end event and on the waits that stand for a status. */
        public static final String STATUS_LISTENER = "procurementStatusListener";
        /** {@code ${procurementEvaluation.members(procurementCode)}}, {@code .bidIds(procurementCode)}. */
        public static final String EVALUATION = "procurementEvaluation";
        /** {@code ${procurementDeadlines.challengeAnswerDue()}}: 7 working days from today, end of day. */
        public static final String DEADLINES = "procurementDeadlines";
        /** Returns the reserved money that no contract will use to the fund. */
        public static final String RELEASE_RESERVATION = "releaseProcurementReservation";
        public static final String CLOSE_BIDDING = "closeBidding";
        /** Ranks the bids, awards the top one and publishes the award notice. */
        public static final String AWARD = "awardProcurement";
        public static final String REOPEN_EVALUATION = "reopenEvaluation";
        /** A task passed its due date: flagged in every task list and recorded. */
        public static final String ESCALATE_OVERDUE = "escalateOverdueProcurementTask";
        public static final String DISBURSE_PAYMENT = "disburseContractPayment";
        public static final String SETTLE = "settlePurchase";

        private Beans() {}
    }
}
