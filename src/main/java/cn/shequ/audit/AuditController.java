package cn.shequ.audit;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification of the chain (API.md "Audit"). The timelines and the rest of the auditor's read-only
 * API are in {@code cn.shequ.audit.workspace}.
 */
@RestController
class AuditController {

    private final AuditLog audit;
    private final CurrentUsers users;

    AuditController(AuditLog audit, CurrentUsers users) {
        this.audit = audit;
        this.users = users;
    }

    /** Auditors and administrators: {@code {"ok", "entries", "firstBrokenSeq"?, "problem"?, "message"?, "lastHash"?}}. */
    @GetMapping("/api/audit/verify")
    VerificationResult verify() {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.AUDITOR) && !user.isIn(Groups.ADMIN)) {
            throw ApiException.forbidden("AUDITORS_ONLY", "只有审计人员和管理员可以校验审计日志 / auditors and administrators only");
        }
        return audit.verify();
    }
}
