package cn.shequ.identity;

import java.util.List;

/** The logged-in user of a request: id, name, Camunda groups and where they belong. */
public record CurrentUser(String userId, String name, List<String> groups, Affiliation affiliation) {

    /**
     * The id that acts for what no person did: the engine's timers and jobs, and what Shequ itself issues or
     * records (a disclosure, a settled project's report). No account has it; its name is the id itself.
     */
    public static final String SYSTEM = "system";
    /** Why no person's account may be called {@link #SYSTEM}, in any case (the audit log could not tell them apart). */
    public static final String SYSTEM_RESERVED = "用户名 " + SYSTEM + " 保留给系统自身（定时任务、系统生成的文件等），不能用作人员账号 / "
            + "the user id " + SYSTEM + " is reserved for what the system does itself";

    /** Whether {@code userId} is {@link #SYSTEM}, in any case: the database compares user ids without case. */
    public static boolean isSystem(String userId) {
        return SYSTEM.equalsIgnoreCase(userId);
    }

    public boolean isIn(String groupId) {
        return groups.contains(groupId);
    }

    public String communityCode() {
        return affiliation == null ? null : affiliation.communityCode();
    }

    public String streetCode() {
        return affiliation == null ? null : affiliation.streetCode();
    }

    public String districtCode() {
        return affiliation == null ? null : affiliation.districtCode();
    }

    public Long organisationId() {
        return affiliation == null ? null : affiliation.organisationId();
    }
}
