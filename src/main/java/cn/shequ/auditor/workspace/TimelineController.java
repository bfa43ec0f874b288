package cn.shequ.auditor.workspace;

import cn.shequ.task.TaskSubjects;
import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's or purchase's timeline (API.md "Audit"), as JSON or, with {@code ?format=csv}, as a
 * CSV file for Excel. Auditors only.
 */
@RestController
class TimelineController {

    private final Timeline timeline;
    private final Auditors auditors;
    private final List<TaskSubjects> subjects;

    TimelineController(Timeline timeline, Auditors auditors, List<TaskSubjects> subjects) {
        this.timeline = timeline;
        this.auditors = auditors;
        this.subjects = subjects;
    }

    @GetMapping("/api/audit/projects/{code}/timeline")
    List<Timeline.Entry> projectTimeline(@PathVariable String code) {
        return entries(code, "项目");
    }

    @GetMapping(value = "/api/audit/projects/{code}/timeline", params = "format=csv")
    ResponseEntity<byte[]> projectTimelineCsv(@PathVariable String code) {
        return csv(code, entries(code, "项目"));
    }

    @GetMapping("/api/audit/procurements/{code}/timeline")
    List<Timeline.Entry> procurementTimeline(@PathVariable String code) {
        return entries(code, "采购");
    }

    @GetMapping(value = "/api/audit/procurements/{code}/timeline", params = "format=csv")
    ResponseEntity<byte[]> procurementTimelineCsv(@PathVariable String code) {
        return csv(code, entries(code, "采购"));
    }

    /** Every entry of the subject, oldest first; 404 only when there is none and no feature knows the code. */
    private List<Timeline.Entry> entries(String code, String what) {
        auditors.require();
        List<Timeline.Entry> entries = timeline.of(code);
        if (entries.isEmpty() && subjects.stream().allMatch(s -> s.statusOf(code).isEmpty())) {
            throw Refusal.notFound(what, code);
        }
        return entries;
    }

    private static ResponseEntity<byte[]> csv(String code, List<Timeline.Entry> entries) {
        Csv csv = new Csv("序号 seq", "时间 at", "人员 actor", "姓名 name", "事项 action", "环节 taskKey", "环节名称 task",
                "决定 decision", "意见 comment", "任务创建 taskCreated", "期限 due", "用时(小时) waitedHours", "逾期 overdue",
                "详情 details");
        for (Timeline.Entry e : entries) {
            csv.row(e.seq(), e.at(), e.actor(), e.actorName(), e.action(), e.taskKey(), e.taskName(), e.decision(),
                    e.comment(), e.taskCreated(), e.due(), hours(e.waitedSeconds()), e.overdue(),
                    e.details() == null ? null : e.details().toString());
        }
        return csv.response("timeline-" + code + ".csv");
    }

    static String hours(Long seconds) {
        return seconds == null ? null : java.math.BigDecimal.valueOf(seconds)
                .divide(java.math.BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
