package cn.shequ.audit;

/**
 * The kinds of audit entry Shequ writes. The column takes any upper-case name of up to 32
 * characters, so a feature may add its own; these are the ones the auditor's rules read.
 */
public final class AuditActions {

    /** A user task completed: task key, decision, comment, the fields submitted. */
    public static final String TASK_COMPLETED = "TASK_COMPLETED";
    /** A line of a fund's ledger (ALLOCATE, RESERVE, DISBURSE, RELEASE). */
    public static final String LEDGER_ENTRY = "LEDGER_ENTRY";
    /** A formal document issued: type, number, SHA-256. */
    public static final String DOCUMENT_ISSUED = "DOCUMENT_ISSUED";
    /** A document's PDF rendered after its issue (ADR 0039): document id, content SHA-256 and the file's SHA-256. */
    public static final String DOCUMENT_RENDERED = "DOCUMENT_RENDERED";
    /** A business rule or segregation of duties refused what a user tried (written independently). */
    public static final String RULE_REFUSED = "RULE_REFUSED";
    /**
     * Logins refused (wrong user or password, or throttled), one entry per typed user id and minute
     * with the count (written independently; never the password).
     */
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    /** An administrator (or the command line) lifted an account's login wait. */
    public static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";
    /** An account created, or a password set, through Shequ (never the password). */
    public static final String ACCOUNT_CHANGED = "ACCOUNT_CHANGED";
    /** A review passed its due date and was escalated (written by the process's timer, actor "system"). */
    public static final String REVIEW_ESCALATED = "REVIEW_ESCALATED";
    /** A purchase's task passed its due date and was escalated (actor "system"). */
    public static final String TASK_ESCALATED = "TASK_ESCALATED";
    /** Configuration changed: DMN redeployed, working-day calendar changed, clock moved. */
    public static final String CONFIG_CHANGED = "CONFIG_CHANGED";
    /**
     * A task's due date was set on the provisional working-day calendar (a year without the State
     * Council's notice): task, due, provisional (docs/calendar.md).
     */
    public static final String DEADLINE_PROVISIONAL = "DEADLINE_PROVISIONAL";
    /** A deadline moved because a year's official calendar was loaded: what, old → new, provisional → official. */
    public static final String DEADLINE_MOVED = "DEADLINE_MOVED";

    /**
     * An administrator issued an engine command that changes a process's course (through /engine-rest, Cockpit
     * or Tasklist): the command, its ids and the reason given (written in the command's transaction).
     */
    public static final String ENGINE_COMMAND = "ENGINE_COMMAND";

    private AuditActions() {}
}
