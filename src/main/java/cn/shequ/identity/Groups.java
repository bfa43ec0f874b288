package cn.shequ.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Camunda group ids of DESIGN.md "Who uses it", with their Chinese names. */
public final class Groups {

    public static final String COMMITTEE = "committee";
    public static final String STREET_OFFICE = "street-office";
    public static final String CIVIL_AFFAIRS = "civil-affairs";
    public static final String FINANCE = "finance";
    public static final String AUDITOR = "auditor";
    public static final String PROVIDER = "provider";
    public static final String EVALUATION_EXPERT = "evaluation-expert";
    public static final String ADMIN = "admin";
    /** The group the Camunda webapps treat as administrators; Shequ's admins belong to it too. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /**
     * Integration accounts (another system of the district reading or feeding Shequ through /engine-rest): with
     * the administrators the only users /engine-rest serves (docs/engine-doors.md). The engine still refuses
     * them every command that changes a process's course, and they hold no grant until an administrator gives one.
     */
    public static final String ENGINE_INTEGRATION = "engine-integration";

    /**
     * An account a provider created for itself on the public sign-up page (ADR 0035): until civil affairs certifies
     * its organisation it may only see its own registration (cn.shequ.web.ApplicantFence); certification moves it
     * into {@link #PROVIDER}. Not a business group: the engine grants it nothing.
     */
    public static final String PROVIDER_APPLICANT = "provider-applicant";

    /** Business groups (WORKFLOW type) in the order of DESIGN.md, with their names. */
    public static final Map<String, String> BUSINESS = names();

    private Groups() {}

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(COMMITTEE, "社区居委会");
        names.put(STREET_OFFICE, "街道办事处");
        names.put(CIVIL_AFFAIRS, "区民政局");
        names.put(FINANCE, "财政");
        names.put(AUDITOR, "审计");
        names.put(PROVIDER, "承接主体");
        names.put(EVALUATION_EXPERT, "评审专家");
        return Collections.unmodifiableMap(names);
    }

    /**
     * The engine group of one community's committee members ("committee-C001"): a committee's tasks are
     * offered in the engine to its own community's group, so that Tasklist lists a member only their
     * community's tasks (Shequ's own index keeps the group {@link #COMMITTEE} and the community).
     */
    public static String communityCommittee(String communityCode) {
        return COMMITTEE + "-" + communityCode;
    }

    /** Whether {@code groupId} is a community's committee group, which only the engine (Tasklist) uses. */
    public static boolean isCommunityCommittee(String groupId) {
        return groupId.startsWith(COMMITTEE + "-");
    }

    /** Spring Security authority of a group. */
    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }
}
