package cn.shequ.auditor.workspace;

import cn.shequ.document.DocumentType;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Money;
import cn.shequ.project.ProjectStatus;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.DateRange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's project search ({@code GET /api/audit/projects?code=&communityCode=&status=&from=&to=},
 * JSON or CSV) and one project's dossier: the project, its open tasks with how long they have waited,
 * its documents and its ledger lines ({@code GET /api/audit/projects/{code}}).
 */
@RestController
class ProjectsController {

    static final int MAX_RESULTS = 500;

    private final WorkspaceMapper sql;
    private final Auditors auditors;
    private final Timeline timeline;
    private final ShequClock clock;

    ProjectsController(WorkspaceMapper sql, Auditors auditors, Timeline timeline, ShequClock clock) {
        this.sql = sql;
        this.auditors = auditors;
        this.timeline = timeline;
        this.clock = clock;
    }

    record ProjectView(String code, String title, String status, String category, String categoryName,
                       String communityCode, String communityName, String amount, String fundCode, String deliveryMode,
                       String author, String authorName, String reserved, String disbursed, String grade,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    record OpenTaskView(String taskId, String key, String name, List<String> groups, String assignee,
                        OffsetDateTime created, OffsetDateTime due, long waitingSeconds, boolean overdue,
                        boolean escalated) {}

    record DocumentView(long id, String type, String title, String number, int version, String sha256,
                        OffsetDateTime issuedAt, String issuedBy, String issuedByName, String url) {}

    record LedgerView(long seq, String fundCode, String type, String amount, Integer milestoneSeq, OffsetDateTime at,
                      String actor, String actorName, String availableAfter) {}

    record Dossier(ProjectView project, List<OpenTaskView> openTasks, List<DocumentView> documents,
                   List<LedgerView> ledger) {}

    @GetMapping("/api/audit/projects")
    List<ProjectView> search(@RequestParam(required = false) String code,
                             @RequestParam(required = false) String communityCode,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        auditors.require();
        if (status != null && !status.isBlank()) {
            try {
                ProjectStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("status", "未知的项目状态 / unknown status: " + status);
            }
        }
        if (from != null && !DateRange.holds(from)) {
            throw Refusal.invalid("from", DateRange.problem("开始日期 from "));
        }
        if (to != null && !DateRange.holds(to)) {
            throw Refusal.invalid("to", DateRange.problem("结束日期 to "));
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.invalid("to", "结束日期早于开始日期 / 'to' is before 'from'");
        }
        return sql.searchProjects(pattern(code), blankToNull(communityCode), blankToNull(status),
                from == null ? null : from.atStartOfDay(), to == null ? null : to.plusDays(1).atStartOfDay(), MAX_RESULTS)
                .stream().map(ProjectsController::view).toList();
    }

    @GetMapping(value = "/api/audit/projects", params = "format=csv")
    ResponseEntity<byte[]> searchCsv(@RequestParam(required = false) String code,
                                     @RequestParam(required = false) String communityCode,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Csv csv = new Csv("项目编号 code", "名称 title", "状态 status", "类别 category", "社区 community", "金额 amount",
                "资金 fund", "实施方式 deliveryMode", "申报人 author", "已预留 reserved", "已拨付 disbursed", "绩效 grade",
                "创建时间 createdAt", "更新时间 updatedAt");
        for (ProjectView p : search(code, communityCode, status, from, to)) {
            csv.row(p.code(), p.title(), p.status(), p.categoryName(), p.communityName(), p.amount(), p.fundCode(),
                    p.deliveryMode(), p.authorName() == null ? p.author() : p.authorName() + " (" + p.author() + ")",
                    p.reserved(), p.disbursed(), p.grade(), p.createdAt(), p.updatedAt());
        }
        return csv.response("projects.csv");
    }

    @GetMapping("/api/audit/projects/{code}")
    Dossier dossier(@PathVariable String code) {
        auditors.require();
        ProjectView project = sql.project(code).map(ProjectsController::view)
                .orElseThrow(() -> Refusal.notFound("项目", code));
        List<WorkspaceMapper.DocumentRow> documents = sql.documents(code);
        List<WorkspaceMapper.LedgerRow> ledger = sql.ledgerOfProject(code);
        List<String> people = new ArrayList<>();
        documents.forEach(d -> people.add(d.issuedBy()));
        ledger.forEach(l -> people.add(l.actor()));
        Map<String, String> names = timeline.names(people);
        return new Dossier(project, openTasks(code),
                documents.stream().map(d -> new DocumentView(d.id(), d.docType(), title(d.docType()), d.number(), d.version(), d.sha256(),
                        Timeline.offset(d.issuedAt()), d.issuedBy(), names.get(d.issuedBy()), "/api/documents/" + d.id())).toList(),
                ledger.stream().map(l -> new LedgerView(l.seq(), l.fundCode(), l.entryType(), Money.format(l.amount()),
                        l.milestoneSeq(), Timeline.offset(l.at()), l.actor(), names.get(l.actor()),
                        Money.format(l.availableAfter()))).toList());
    }

    /** The subject's open tasks from the task index, one per task with all the groups it is offered to. */
    private List<OpenTaskView> openTasks(String code) {
        LocalDateTime now = clock.localNow();
        Map<String, List<WorkspaceMapper.OpenTask>> byTask = new LinkedHashMap<>();
        sql.openTasks(code).forEach(t -> byTask.computeIfAbsent(t.taskId(), k -> new ArrayList<>()).add(t));
        return byTask.values().stream().map(rows -> {
            WorkspaceMapper.OpenTask t = rows.get(0);
            List<String> groups = rows.stream().map(WorkspaceMapper.OpenTask::candidateGroup).filter(g -> !g.isEmpty()).toList();
            return new OpenTaskView(t.taskId(), t.taskKey(), t.name(), groups, t.assignee(), Timeline.offset(t.created()),
                    Timeline.offset(t.due()), Math.max(0, Duration.between(t.created(), now).toSeconds()),
                    t.due() != null && now.isAfter(t.due()), t.escalated());
        }).toList();
    }

    private static String title(String docType) {
        try {
            return DocumentType.valueOf(docType).chineseName();
        } catch (IllegalArgumentException e) {
            return docType;
        }
    }

    static ProjectView view(WorkspaceMapper.ProjectRow p) {
        return new ProjectView(p.code(), p.title(), p.status(), p.category(), p.categoryName(), p.communityCode(),
                p.communityName(), Money.format(p.amount()), p.fundCode(), p.deliveryMode(), p.author(), p.authorName(),
                Money.format(p.reservedAmount()), Money.format(p.disbursedAmount()), p.grade(),
                Timeline.offset(p.createdAt()), Timeline.offset(p.updatedAt()));
    }

    /** A code fragment as a case-insensitive LIKE pattern; '!' escapes the wildcards a user typed. */
    static String pattern(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String escaped = code.trim().toUpperCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
