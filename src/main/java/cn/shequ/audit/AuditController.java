package cn.shequ.audit;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verification of the chain (API.md "Audit"). The timelines and the rest of the auditor's read-only
 * API are in {@code cn.shequ.auditor.workspace}.
 */
@RestController
class AuditController {

    private final AuditLog audit;
    private final AuditHeads heads;
    private final CurrentUsers users;

    AuditController(AuditLog audit, AuditHeads heads, CurrentUsers users) {
        this.audit = audit;
        this.heads = heads;
        this.users = users;
    }

    /**
     * Auditors and administrators: {@code {"ok", "entries", "firstBrokenSeq"?, "problem"?, "message"?,
     * "lastHash"?, "expectedHead"?, "missingSeqs"?}}. With {@code expectedSeq} and {@code expectedHash}
     * (a head published outside the database: the head file, the public site, a document) the chain
     * must reach it; without them, the newest head published at a day's end, if any.
     */
    @GetMapping("/api/audit/verify")
    VerificationResult verify(@RequestParam(required = false) String expectedSeq,
                              @RequestParam(required = false) String expectedHash) {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.AUDITOR) && !user.isIn(Groups.ADMIN)) {
            throw Refusal.forbidden("AUDITORS_ONLY", "只有审计人员和管理员可以校验审计日志 / auditors and administrators only");
        }
        if (expectedSeq == null && expectedHash == null) {
            return audit.verify(heads.latestPublished().orElse(null));
        }
        Long seq;
        try {
            seq = expectedSeq == null ? null : Long.valueOf(expectedSeq.trim());
        } catch (NumberFormatException e) {
            seq = null;
        }
        Map<String, String> problems = ExpectedHead.problems(seq, expectedHash);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return audit.verify(new ExpectedHead(seq, expectedHash, "parameter"));
    }
}
