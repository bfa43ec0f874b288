package cn.shequ.engine;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the engine's commands change a process's course, as data: every command class of the
 * engine ({@code org.camunda.bpm.engine.impl..*Cmd}) does, unless it only reads ({@link #READS}) or
 * keeps users, groups, grants, filters or the engine's own settings, which the engine's
 * authorizations keep for administrators ({@link #IDENTITY_AND_SETTINGS}). A command a later engine
 * adds is governed until it is named here; a test lists every command class of the engine against
 * these lists, so that it is noticed.
 */
public final class EngineCommands {

    private static final String ENGINE = "org.camunda.bpm.engine.impl.";

    /** Commands that only read, by their names (Get…, Find…, queries, filter executions, decision tables). */
    static final Pattern READS = Pattern.compile("^(Get|Find|Is|Determine|ExecuteFilter|Optimize|AuthorizationCheck"
            + "|Create\\w*QueryCmd$|EvaluateDecision)\\w*");

    /** Identity, grants, filters and engine settings: what the engine's own authorizations keep for administrators. */
    static final Set<String> IDENTITY_AND_SETTINGS = Set.of(
            "CreateUserCmd", "SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd", "SetUserPictureCmd", "DeleteUserPictureCmd",
            "SetUserInfoCmd", "DeleteUserInfoCmd", "CreateGroupCmd", "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd",
            "DeleteMembershipCmd", "CreateTenantCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
            "CreateTenantGroupMembershipCmd", "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd",
            "CreateAuthorizationCommand", "SaveAuthorizationCmd", "DeleteAuthorizationCmd", "CreateFilterCmd",
            "SaveFilterCmd", "DeleteFilterCmd", "SetPropertyCmd", "DeletePropertyCmd", "SetLicenseKeyCmd",
            "DeleteLicenseKeyCmd", "LicenseCmd", "TelemetryConfigureCmd", "ReportDbMetricsCmd", "DeleteMetricsCmd",
            "DeleteTaskMetricsCmd", "RegisterProcessApplicationCmd", "UnregisterProcessApplicationCmd",
            "RegisterDeploymentCmd", "UnregisterDeploymentCmd", "AbstractWritableIdentityServiceCmd", "CommandLogger",
            "HistoryCleanupSchedulerCmd", "AcquireJobsCmd", "CheckPassword");

    private EngineCommands() {}

    /** Whether {@code command} is one of the engine's commands that change a task, an instance or its history. */
    public static boolean governs(Class<?> command) {
        String name = command.getName();
        if (!name.startsWith(ENGINE) || command.isAnonymousClass() || command.isSynthetic() || name.contains("$$Lambda")
                || name.contains("$")) {
            return false;
        }
        String simple = command.getSimpleName();
        if (!(simple.endsWith("Cmd") || simple.endsWith("Command") || name.contains(".cmd."))) {
            return false;
        }
        return !READS.matcher(simple).matches() && !IDENTITY_AND_SETTINGS.contains(simple);
    }
}
