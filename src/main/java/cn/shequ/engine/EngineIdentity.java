package cn.shequ.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Users, passwords and groups as the engine's identity service keeps them, and the
 * authentication the engine sees on the current thread (authorization checks and its user
 * operation log apply only to that user).
 */
@Component
public class EngineIdentity {

    private final ProcessEngine engine;
    private final IdentityService identity;

    public EngineIdentity(ProcessEngine engine) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    public record Account(String id, String firstName, String lastName) {
        public String displayName() {
            return (lastName == null ? "" : lastName) + (firstName == null ? "" : firstName);
        }
    }

    /** True when the password is right; failed attempts count towards the engine's lock-out. */
    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }

    /**
     * Compares a password with the stored hash without counting as a login attempt, so that a
     * start-up check cannot lock anybody out.
     */
    public boolean storedPasswordIs(String userId, String candidate) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return false;
        }
        ProcessEngineConfigurationImpl config =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String salted = EncryptionUtil.saltPassword(candidate, entity.getSalt());
        return config.getPasswordManager().check(salted, entity.getPassword());
    }

    /**
     * The stored id of the user whose password this is, without touching the engine's own count of
     * failed attempts (Shequ throttles logins itself, cn.shequ.identity.LoginThrottle).
     */
    public Optional<String> verify(String userId, String password) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null || password == null) {
            return Optional.empty();
        }
        ProcessEngineConfigurationImpl config =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String salted = EncryptionUtil.saltPassword(password, entity.getSalt());
        return config.getPasswordManager().check(salted, entity.getPassword()) ? Optional.of(entity.getId()) : Optional.empty();
    }

    /** Clears the engine's own lock of an account (left from before Shequ disabled it, or set by Camunda's paths). */
    public void unlockInEngine(String userId) {
        identity.unlockUser(userId);
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    public Optional<Account> account(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(u -> new Account(u.getId(), u.getFirstName(), u.getLastName()));
    }

    public List<String> userIds() {
        return identity.createUserQuery().orderByUserId().asc().list().stream().map(User::getId).toList();
    }

    public List<String> groupIdsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).orderByGroupId().asc().list().stream()
                .map(Group::getId).toList();
    }

    public List<String> memberIds(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }

    public boolean groupHasMembers(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).count() > 0;
    }

    public void ensureGroup(String groupId, String name, String type) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Creates the user when absent; returns false when the user already existed (left unchanged). */
    public boolean createUserIfAbsent(String userId, String lastName, String firstName, String password) {
        return createUserIfAbsent(userId, lastName, firstName, password, false);
    }

    /**
     * As {@link #createUserIfAbsent(String, String, String, String)}, but past the engine's password
     * policy: only for the demo users, whose password is "demo" by design (API.md).
     */
    public boolean createDemoUserIfAbsent(String userId, String lastName, String firstName, String password) {
        return createUserIfAbsent(userId, lastName, firstName, password, true);
    }

    private boolean createUserIfAbsent(String userId, String lastName, String firstName, String password,
                                       boolean skipPasswordPolicy) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return false;
        }
        User user = identity.newUser(userId);
        user.setLastName(lastName);
        user.setFirstName(firstName);
        user.setPassword(password);
        ((IdentityServiceImpl) identity).saveUser(user, skipPasswordPolicy);
        return true;
    }

    /** Sets a new password (the engine checks its password policy). */
    public void setPassword(String userId, String password) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw new IllegalArgumentException("no user " + userId);
        }
        user.setPassword(password);
        identity.saveUser(user);
    }

    public void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    /** Takes {@code userId} out of {@code groupId} (nothing when not a member). */
    public void leaveGroup(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
            identity.deleteMembership(userId, groupId);
        }
    }

    /** Makes {@code userId} the engine's current user on this thread. */
    public void authenticate(String userId, List<String> groupIds) {
        identity.setAuthentication(userId, groupIds);
    }

    /**
     * The groups of {@code userId} as the engine sees them on this thread (the groups read at the
     * request's login, as for the engine's own authorization), when {@code userId} is the engine's
     * current user; empty otherwise. Spares asking the engine again within a request (issue 16).
     */
    public Optional<List<String>> currentGroupIds(String userId) {
        org.camunda.bpm.engine.impl.identity.Authentication current = identity.getCurrentAuthentication();
        return current != null && userId.equals(current.getUserId()) && current.getGroupIds() != null
                ? Optional.of(current.getGroupIds()) : Optional.empty();
    }

    public void clearAuthentication() {
        identity.clearAuthentication();
    }
}
