package cn.shequ.provider;

import java.util.Set;

/**
 * The one source of truth for the {@code provider-certification} process (承接主体认证): its id,
 * business key, the element ids code refers to, the user-task key, variable names and the Spring
 * beans the model calls. processes/provider-certification.bpmn, the delegates, the task listener,
 * the controller and the tests use these names; {@code ProviderCertificationModelTest} checks the
 * model against them.
 */
public final class ProviderCertificationProcess {

    public static final String PROCESS_ID = "provider-certification";
    public static final String RESOURCE = "processes/provider-certification.bpmn";
    /** Business key and task-list subject code of a provider: {@code PV-<id>}. */
    public static final String SUBJECT_PREFIX = "PV-";

    private ProviderCertificationProcess() {}

    public static String subjectCode(long providerId) {
        return SUBJECT_PREFIX + providerId;
    }

    /** The provider id of a subject code {@code PV-<id>}, or null when it is not one. */
    public static Long providerId(String subjectCode) {
        if (subjectCode == null || !subjectCode.startsWith(SUBJECT_PREFIX)) {
            return null;
        }
        try {
            return Long.valueOf(subjectCode.substring(SUBJECT_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** User-task keys (the BPMN element ids of the user tasks). */
    public static final class Tasks {
        /** Civil affairs certifies or refuses a registered provider. */
        public static final String CERTIFY_PROVIDER = "certify-provider";

        private Tasks() {}
    }

    /** Other element ids that code or tests refer to. */
    public static final class Elements {
        public static final String START = "provider-registered";
        public static final String DECISION = "certification-decision";
        public static final String RECORD_CERTIFICATION = "record-certification";
        /** Intermediate timer until the reminder date (reminder-days before expiry). */
        public static final String REMINDER_DUE = "reminder-due";
        public static final String REMIND_EXPIRY = "remind-certification-expiry";
        /** Intermediate timer until the certification period has run out. */
        public static final String CERTIFICATION_RUNS_OUT = "certification-runs-out";
        public static final String EXPIRE_CERTIFICATION = "expire-certification";
        public static final String ENDED_EXPIRED = "certification-expired";
        public static final String ENDED_REFUSED = "certification-refused";

        private Elements() {}
    }

    /** Process variables: the provider's id and small facts; the provider lives in Shequ's tables. */
    public static final class Vars {
        public static final String PROVIDER_ID = "providerId";
        /** CERTIFY or REFUSE, set when certify-provider is completed. */
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        /** When the reminder fires (a date-time), set when the certification is recorded. */
        public static final String REMINDER_AT = "reminderAt";
        /** When the certification has run out: the day after certified_until, 00:00 China Standard Time. */
        public static final String EXPIRES_AT = "expiresAt";

        /** Set by the process and Shequ's code, never by whoever completes a task. */
        public static final Set<String> SET_BY_PROCESS = Set.of(PROVIDER_ID, REMINDER_AT, EXPIRES_AT);

        private Vars() {}
    }

    /** Values of {@link Vars#DECISION}. */
    public static final class Decision {
        public static final String CERTIFY = "CERTIFY";
        public static final String REFUSE = "REFUSE";

        private Decision() {}
    }

    /** Spring beans the model calls (delegateExpression). */
    public static final class Beans {
        /** Task listener on every user task, events create, assignment, complete, delete. */
        public static final String TASK_LIFECYCLE = "providerTaskLifecycle";
        public static final String RECORD_CERTIFICATION = "recordCertification";
        public static final String REMIND_EXPIRY = "remindCertificationExpiry";
        public static final String EXPIRE_CERTIFICATION = "expireCertification";

        private Beans() {}
    }
}
