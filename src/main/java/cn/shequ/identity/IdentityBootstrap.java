package cn.shequ.identity;

import cn.shequ.ShequProperties;
import cn.shequ.engine.EngineIdentity;
import cn.shequ.engine.TasklistFilters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs once per start, before the web server accepts requests: creates the groups of DESIGN.md,
 * grants their engine authorizations, seeds the demo (default profile) or the first administrator
 * ({@code SHEQU_ADMIN_USER}/{@code SHEQU_ADMIN_PASSWORD}), then refuses to start when the
 * configuration demands it and any account still opens with a demo password.
 */
@Component
@DependsOnDatabaseInitialization
class IdentityBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    static final int MIN_ADMIN_PASSWORD_LENGTH = 10;

    private final ShequProperties properties;
    private final EngineIdentity identity;
    private final AccessPolicy access;
    private final DemoSeed demo;
    private final TransactionTemplate transaction;
    private final TasklistFilters filters;
    private final OrganisationMapper organisations;
    private final PasswordPolicyRules passwordRules;

    IdentityBootstrap(ShequProperties properties, EngineIdentity identity, AccessPolicy access, DemoSeed demo,
                      TransactionTemplate transaction, TasklistFilters filters, OrganisationMapper organisations,
                      PasswordPolicyRules passwordRules) {
        this.properties = properties;
        this.identity = identity;
        this.access = access;
        this.demo = demo;
        this.transaction = transaction;
        this.filters = filters;
        this.organisations = organisations;
        this.passwordRules = passwordRules;
    }

    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> {
            Groups.BUSINESS.forEach((id, name) -> identity.ensureGroup(id, name, "WORKFLOW"));
            identity.ensureGroup(Groups.ADMIN, "系统管理员", "SYSTEM");
            identity.ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员", "SYSTEM");
            identity.ensureGroup(Groups.ENGINE_INTEGRATION, "系统对接账号", "SYSTEM");
            identity.ensureGroup(Groups.PROVIDER_APPLICANT, "承接主体申请人（待认证）", "SYSTEM");
            access.apply();
            filters.ensureDefaults();
            access.shareFilters(filters.sharedFilterIds());
            if (properties.demo().enabled()) {
                demo.seed();
            }
            createConfiguredAdmin();
            communityCommittees();
        });
        if (!identity.groupHasMembers(Groups.ADMIN)) {
            throw new IllegalStateException("没有系统管理员：请设置 SHEQU_ADMIN_USER 和 SHEQU_ADMIN_PASSWORD 后再启动 / "
                    + "no administrator: set SHEQU_ADMIN_USER and SHEQU_ADMIN_PASSWORD");
        }
        if (properties.security().refuseDemoPasswords()) {
            refuseDemoPasswords();
        }
    }

    /** Each community's committee group, with the committee members of that community in it ({@link Groups#communityCommittee}). */
    private void communityCommittees() {
        for (Community community : organisations.communities()) {
            identity.ensureGroup(Groups.communityCommittee(community.code()), community.name() + "居委会", "WORKFLOW");
        }
        for (String member : identity.memberIds(Groups.COMMITTEE)) {
            organisations.findAffiliation(member).map(Affiliation::communityCode)
                    .ifPresent(community -> identity.ensureMembership(member, Groups.communityCommittee(community)));
        }
    }

    private void createConfiguredAdmin() {
        String user = properties.admin().user();
        String password = properties.admin().password();
        if (user == null || user.isBlank()) {
            return;
        }
        if (CurrentUser.isSystem(user)) {
            throw new IllegalStateException("SHEQU_ADMIN_USER: " + CurrentUser.SYSTEM_RESERVED);
        }
        if (password == null || password.length() < MIN_ADMIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("SHEQU_ADMIN_PASSWORD 至少" + MIN_ADMIN_PASSWORD_LENGTH
                    + "位 / must have at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
        }
        List<PasswordPolicyRules.Violation> broken = passwordRules.check(user, password);
        if (!identity.exists(user) && !broken.isEmpty()) {
            throw new IllegalStateException("SHEQU_ADMIN_PASSWORD: " + PasswordPolicyRules.sentence(broken));
        }
        if (identity.createUserIfAbsent(user, "系统", "管理员", password)) {
            log.info("Created administrator {} from SHEQU_ADMIN_USER", user);
        }
        identity.ensureMembership(user, Groups.ADMIN);
        identity.ensureMembership(user, Groups.CAMUNDA_ADMIN);
    }

    private void refuseDemoPasswords() {
        List<String> weak = identity.userIds().stream()
                .filter(id -> identity.storedPasswordIs(id, DemoSeed.PASSWORD) || identity.storedPasswordIs(id, id))
                .toList();
        if (!weak.isEmpty()) {
            throw new IllegalStateException("拒绝启动：以下用户仍使用演示密码或与用户名相同的密码 / refusing to start, "
                    + "these users still have a demo password: " + String.join(", ", weak));
        }
    }
}
