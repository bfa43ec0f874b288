package cn.shequ.audit;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.task.TaskSubjects;
import cn.shequ.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's read-only API (API.md "Audit"): verification of the chain and a subject's timeline. */
@RestController
class AuditController {

    private final AuditLog audit;
    private final CurrentUsers users;
    private final List<TaskSubjects> subjects;
    private final ObjectMapper json;

    AuditController(AuditLog audit, CurrentUsers users, List<TaskSubjects> subjects, ObjectMapper json) {
        this.audit = audit;
        this.users = users;
        this.subjects = subjects;
        this.json = json;
    }

    record TimelineEntry(long seq, OffsetDateTime at, String actor, String action, String taskKey, String decision,
                         String comment, JsonNode details) {}

    /** Auditors and administrators: {@code {"ok", "entries", "firstBrokenSeq"?, "problem"?, "message"?, "lastHash"?}}. */
    @GetMapping("/api/audit/verify")
    VerificationResult verify() {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.AUDITOR) && !user.isIn(Groups.ADMIN)) {
            throw ApiException.forbidden("AUDITORS_ONLY", "只有审计人员和管理员可以校验审计日志 / auditors and administrators only");
        }
        return audit.verify();
    }

    @GetMapping("/api/audit/projects/{code}/timeline")
    List<TimelineEntry> projectTimeline(@PathVariable String code) {
        return timeline(code, "项目");
    }

    @GetMapping("/api/audit/procurements/{code}/timeline")
    List<TimelineEntry> procurementTimeline(@PathVariable String code) {
        return timeline(code, "采购");
    }

    /** Every entry of the subject, oldest first; 404 only when there is none and no feature knows the code. */
    private List<TimelineEntry> timeline(String code, String what) {
        if (!users.current().isIn(Groups.AUDITOR)) {
            throw ApiException.forbidden("AUDITORS_ONLY", "只有审计人员可以查看审计时间线 / auditors only");
        }
        List<TimelineEntry> entries = audit.timeline(code).stream().map(this::entry).toList();
        if (entries.isEmpty() && subjects.stream().allMatch(s -> s.statusOf(code).isEmpty())) {
            throw ApiException.notFound(what, code);
        }
        return entries;
    }

    private TimelineEntry entry(AuditMapper.TimelineRow row) {
        return new TimelineEntry(row.seq(), row.at().atZone(AuditVerifier.STORED_ZONE).toOffsetDateTime(), row.actor(),
                row.action(), row.taskKey(), row.decision(), row.comment(), details(row.details()));
    }

    private JsonNode details(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text); // shown as stored; verification tells whether it was altered
        }
    }
}
