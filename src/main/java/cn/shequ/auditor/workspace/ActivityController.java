package cn.shequ.auditor.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's activity: every audit entry they are the actor of (completions, ledger lines, documents,
 * refusals, failed logins, configuration changes), newest first, a page of at most {@value #MAX} at a time
 * ({@code before}: the smallest seq of the previous page). And the users an auditor can pick from.
 */
@RestController
class ActivityController {

    static final int MAX = 1000;

    private final WorkspaceMapper sql;
    private final Auditors auditors;
    private final ObjectMapper json;

    ActivityController(WorkspaceMapper sql, Auditors auditors, ObjectMapper json) {
        this.sql = sql;
        this.auditors = auditors;
        this.json = json;
    }

    record UserView(String userId, String name) {}

    record ActivityView(long seq, OffsetDateTime at, String action, String subjectCode, String taskKey, String decision,
                        String comment, JsonNode details) {}

    @GetMapping("/api/audit/users")
    List<UserView> users() {
        auditors.require();
        return sql.users().stream().map(u -> new UserView(u.userId(), u.displayName())).toList();
    }

    @GetMapping("/api/audit/users/{userId}/activity")
    List<ActivityView> activity(@PathVariable String userId, @RequestParam(required = false) Long before,
                                @RequestParam(defaultValue = "200") int limit) {
        auditors.require();
        int size = Math.max(1, Math.min(limit, MAX));
        return sql.entriesBy(userId, before == null ? Long.MAX_VALUE : before, size).stream()
                .map(e -> new ActivityView(e.seq(), Timeline.offset(e.at()), e.action(), e.subjectCode(), e.taskKey(),
                        e.decision(), e.comment(), details(e.details())))
                .toList();
    }

    @GetMapping(value = "/api/audit/users/{userId}/activity", params = "format=csv")
    ResponseEntity<byte[]> activityCsv(@PathVariable String userId, @RequestParam(required = false) Long before,
                                       @RequestParam(defaultValue = "1000") int limit) {
        Csv csv = new Csv("序号 seq", "时间 at", "事项 action", "对象 subject", "环节 taskKey", "决定 decision",
                "意见 comment", "详情 details");
        activity(userId, before, limit).forEach(a -> csv.row(a.seq(), a.at(), a.action(), a.subjectCode(), a.taskKey(),
                a.decision(), a.comment(), a.details() == null ? null : a.details().toString()));
        return csv.response("activity-" + userId + ".csv");
    }

    private JsonNode details(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
        }
    }
}
