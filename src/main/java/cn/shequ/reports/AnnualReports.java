package cn.shequ.reports;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditHeads;
import cn.shequ.audit.AuditLog;
import cn.shequ.auditor.anomaly.Anomalies;
import cn.shequ.auditor.anomaly.Anomaly;
import cn.shequ.document.Amounts;
import cn.shequ.document.DocumentContent;
import cn.shequ.document.DocumentContent.Column;
import cn.shequ.document.DocumentService;
import cn.shequ.document.DocumentType;
import cn.shequ.document.IssuedDocument;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import cn.shequ.pages.Labels;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual progress report (年度进展报告; 汕府〔2007〕60号, 粤府〔2007〕6号): at the start of each year
 * ({@link AnnualReportRoutes#draftOn()}) Shequ drafts each reporting body's report on the year before from
 * its data and starts process {@code annual-report}; its civil affairs staff add the narrative, another
 * approves, it is issued as a fingerprinted PDF and submitted to the configured recipient by the
 * configured deadline. A late submission is flagged (anomaly {@code LATE_ANNUAL_REPORT}); a report is
 * worked on only by staff of its reporting body and is never edited after issue.
 */
@Service
public class AnnualReports {

    public static final String SUBMITTED_LATE = "ANNUAL_REPORT_LATE";
    public static final String REMINDED = "ANNUAL_REPORT_REMINDED";

    static final String RULE_BODY = "年度进展报告由报告单位自行撰写、审核和报送（汕府〔2007〕60号；粤府〔2007〕6号）";
    static final String RULE_ISSUED = "年度进展报告签发后不得修改，更正须另行签发（公文处理：文件一经签发不得改动）";

    private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> METHODS = Map.of("OPEN_TENDER", "公开招标", "COMPETITIVE_CONSULTATION", "竞争性磋商",
            "COMPETITIVE_NEGOTIATION", "竞争性谈判", "SINGLE_SOURCE", "单一来源采购", "INQUIRY", "询价");
    private static final Map<String, String> GRADES = Map.of("EXCELLENT", "优", "GOOD", "良", "FAIR", "中", "POOR", "差");

    private final AnnualReportMapper mapper;
    private final AnnualReportRoutes routes;
    private final PeriodicDisclosureMapper categories;
    private final DocumentService documents;
    private final EngineProcesses processes;
    private final Anomalies anomalies;
    private final AuditLog audit;
    private final AuditHeads heads;
    private final ShequClock clock;
    private final Labels labels;
    private final TransactionTemplate transaction;
    private final Assessments assessments;

    AnnualReports(AnnualReportMapper mapper, AnnualReportRoutes routes, PeriodicDisclosureMapper categories,
                  DocumentService documents, EngineProcesses processes, @Lazy Anomalies anomalies, AuditLog audit,
                  AuditHeads heads, ShequClock clock, Labels labels, TransactionTemplate transaction, Assessments assessments) {
        this.assessments = assessments;
        this.mapper = mapper;
        this.routes = routes;
        this.categories = categories;
        this.documents = documents;
        this.processes = processes;
        this.anomalies = anomalies;
        this.audit = audit;
        this.heads = heads;
        this.clock = clock;
        this.labels = labels;
        this.transaction = transaction;
    }

    /** A report as the API shows it. */
    public record Report(String code, int year, String bodyLevel, String bodyCode, String bodyName, String recipient,
                         LocalDate deadline, String status, AnnualReportFigures figures, String narrative, String narratedBy,
                         String approvedBy, Long documentId, String documentNumber, String sha256, String submittedBy,
                         String submittedAt, boolean late) {}

    public static String code(int year, String bodyCode) {
        return "AR-" + year + "-" + bodyCode;
    }

    /**
     * On or after the drafting day, drafts the report on last year of every reporting body that has none
     * and starts its process; one node does it (unique key). Returns the codes this call drafted.
     */
    public List<String> draftDue() {
        LocalDate today = clock.today();
        if (today.isBefore(routes.draftOn().atYear(today.getYear()))) {
            return List.of();
        }
        int year = today.getYear() - 1;
        List<String> drafted = new ArrayList<>();
        for (AnnualReportMapper.District d : mapper.districts()) {
            if (mapper.exists(year, d.code()) > 0) {
                continue;
            }
            try {
                drafted.add(transaction.execute(status -> draft(year, d)));
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException anotherNode) {
                log.info("annual report {} of {} drafted by another node", year, d.code());
            }
        }
        return drafted;
    }

    private String draft(int year, AnnualReportMapper.District d) {
        AnnualReportRoutes.Route route = routes.of(AnnualReportRoutes.DISTRICT, d.code());
        LocalDate deadline = route.deadline(year);
        String code = code(year, d.code());
        String name = d.name() + "民政局";
        mapper.insert(code, year, AnnualReportRoutes.DISTRICT, d.code(), name, route.recipient(), deadline,
                json(figures(year, d.code(), name)), clock.localNow());
        Map<String, Object> vars = new HashMap<>();
        vars.put(AnnualReportProcess.Vars.REPORT_CODE, code);
        vars.put(AnnualReportProcess.Vars.REMIND_AT, date(deadline.minusDays(routes.reminderDays()).atTime(9, 0)));
        vars.put(AnnualReportProcess.Vars.DUE_AT, date(deadline.plusDays(1).atStartOfDay()));
        mapper.started(code, processes.start(AnnualReportProcess.PROCESS_ID, code, vars));
        audit.append(AuditEvent.of(AuditEvent.SYSTEM, "ANNUAL_REPORT_DRAFTED").subject(code).detail("year", year)
                .detail("body", d.code()).detail("recipient", route.recipient()).detail("deadline", deadline.toString()));
        return code;
    }

    /** The figures of {@code districtCode}'s year as they stand now. */
    public AnnualReportFigures figures(int year, String districtCode, String bodyName) {
        LocalDateTime from = LocalDate.of(year, 1, 1).atStartOfDay();
        LocalDateTime until = from.plusYears(1);
        List<AnnualReportFigures.ProjectLine> projects = mapper.projects(districtCode, from, until).stream()
                .map(l -> new AnnualReportFigures.ProjectLine(l.category(), category(l.category()), l.status(), l.projects(),
                        AnnualReportFigures.yuan(l.amount()))).toList();
        Map<String, BigDecimal> ledger = new HashMap<>();
        mapper.projectLedger(districtCode, from, until).forEach(s -> ledger.put(s.entryType(), s.amount()));
        AnnualReportFigures.Money money = new AnnualReportFigures.Money(AnnualReportFigures.yuan(mapper.allocated(districtCode, year)),
                AnnualReportFigures.yuan(ledger.get("RESERVE")), AnnualReportFigures.yuan(ledger.get("DISBURSE")),
                AnnualReportFigures.yuan(ledger.get("RELEASE")));
        List<AnnualReportFigures.Count> grades = mapper.grades(districtCode, from, until).stream()
                .map(g -> new AnnualReportFigures.Count(g.grade(), GRADES.getOrDefault(g.grade(), g.grade()), g.projects())).toList();
        AnnualReportMapper.Satisfaction sat = mapper.satisfaction(districtCode, from, until);
        int respondents = sat == null || sat.respondents() == null ? 0 : sat.respondents();
        int satisfied = sat == null || sat.satisfied() == null ? 0 : sat.satisfied();
        String rate = respondents == 0 ? null : Amounts.percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(respondents));
        List<AnnualReportFigures.PurchaseLine> byMethod = mapper.purchasesByMethod(districtCode, year).stream()
                .map(m -> new AnnualReportFigures.PurchaseLine(m.method(), METHODS.getOrDefault(m.method(), m.method()), m.purchases(),
                        AnnualReportFigures.yuan(m.amount()))).toList();
        List<AnnualReportFigures.PurchaseLine> byProvider = mapper.purchasesByProvider(districtCode, year).stream()
                .map(p -> new AnnualReportFigures.PurchaseLine(p.provider(), p.provider(), p.purchases(),
                        AnnualReportFigures.yuan(p.amount()))).toList();
        AnnualReportMapper.LatePayments late = mapper.latePayments(districtCode, from, until);
        Set<String> subjects = new HashSet<>(mapper.subjects(districtCode));
        Map<String, AnnualReportFigures.Count> found = new TreeMap<>();
        for (Anomaly a : anomalies.detect(Optional.empty())) {
            boolean inYear = a.detectedAt() == null || a.detectedAt().getYear() == year;
            if (subjects.contains(a.subject()) && inYear) {
                found.merge(a.rule(), new AnnualReportFigures.Count(a.rule(), a.title().split(" / ")[0], 1),
                        (x, y) -> new AnnualReportFigures.Count(x.key(), x.name(), x.count() + 1));
            }
        }
        return new AnnualReportFigures(year, districtCode, bodyName, projects, money, grades, respondents, satisfied, rate,
                byMethod, byProvider, late.payments(), AnnualReportFigures.yuan(late.amount()),
                mapper.overdueReviews(districtCode, from, until), List.copyOf(found.values()));
    }

    public Optional<Report> find(String code) {
        return mapper.find(code).map(this::view);
    }

    public List<Report> list() {
        return mapper.all().stream().map(this::view).toList();
    }

    /** The report of a task's process, locked. */
    AnnualReportMapper.Stored lock(String code) {
        return mapper.lock(code).orElseThrow(() -> Refusal.notFound("年度进展报告", code));
    }

    /** Only civil-affairs staff of the reporting body work on its report. */
    static void requireBody(AnnualReportMapper.Stored r, CurrentUser actor) {
        if (!actor.isIn(Groups.CIVIL_AFFAIRS) || !r.bodyCode().equals(actor.districtCode())) {
            throw Refusal.forbidden("NOT_REPORTING_BODY", "您不是报告单位（" + r.bodyName() + "）的民政工作人员，不能撰写、审核或报送其"
                    + "年度进展报告：" + RULE_BODY + " / only the reporting body's civil affairs staff work on its report");
        }
    }

    static void requireNotIssued(AnnualReportMapper.Stored r) {
        if (r.documentId() != null) {
            throw Refusal.conflict("ANNUAL_REPORT_ISSUED", "年度进展报告 " + r.code() + " 已签发，不得修改：" + RULE_ISSUED
                    + " / the report was issued and cannot be edited");
        }
    }

    void narrate(AnnualReportMapper.Stored r, String narrative, CurrentUser actor) {
        requireBody(r, actor);
        requireNotIssued(r);
        if (narrative == null || narrative.isBlank()) {
            throw Refusal.invalid("narrative", "请填写报告文字说明 / the narrative is required");
        }
        if (narrative.length() > 8000) {
            throw Refusal.invalid("narrative", "文字说明最多 8000 字 / at most 8000 characters");
        }
        mapper.narrate(r.code(), narrative.strip(), actor.userId());
    }

    void approve(AnnualReportMapper.Stored r, String decision, CurrentUser actor) {
        requireBody(r, actor);
        requireNotIssued(r);
        if (actor.userId().equals(r.narratedBy())) {
            throw Refusal.forbidden("SOD_REPORT_AUTHOR", "职责分离：撰写文字说明的人员不得审核本报告（行政事业单位内部控制规范第十二条）"
                    + " / the author of the narrative does not approve the report");
        }
        if ("APPROVE".equals(decision)) {
            mapper.approve(r.code(), actor.userId());
        } else if ("RETURN".equals(decision)) {
            mapper.returned(r.code());
        } else {
            throw Refusal.invalid("decision", "审核结论应为 APPROVE（同意）或 RETURN（退回修改） / APPROVE or RETURN");
        }
    }

    /** Issues the approved report as a fingerprinted PDF (service task issue-annual-report). */
    void issue(String code) {
        AnnualReportMapper.Stored r = lock(code);
        if (r.documentId() != null) {
            return;
        }
        String number = documents.number(r.bodyCode(), shortName(r), clock.today().getYear());
        IssuedDocument doc = documents.issue(DocumentType.ANNUAL_REPORT, r.code(), number, content(r), "system");
        mapper.issued(r.code(), doc.id());
    }

    void submit(AnnualReportMapper.Stored r, CurrentUser actor) {
        requireBody(r, actor);
        if (r.documentId() == null) {
            throw Refusal.conflict("ANNUAL_REPORT_NOT_ISSUED", "年度进展报告尚未签发，不能报送 / the report is not issued yet");
        }
        LocalDateTime now = clock.localNow();
        boolean late = now.toLocalDate().isAfter(r.deadline());
        mapper.submitted(r.code(), actor.userId(), now, late);
        if (late) {
            audit.append(AuditEvent.of(actor.userId(), SUBMITTED_LATE).subject(r.code())
                    .detail("deadline", r.deadline().toString()).detail("submittedOn", now.toLocalDate().toString())
                    .detail("recipient", r.recipient()));
        }
    }

    DocumentContent content(AnnualReportMapper.Stored r) {
        AnnualReportFigures f = figures(r);
        DocumentContent.Builder b = DocumentContent.builder(r.bodyName(), DocumentType.ANNUAL_REPORT.chineseName())
                .subtitle(r.reportYear() + "年度社区公共服务项目进展情况报告")
                .party("报送单位", r.recipient())
                .party("报送期限", r.deadline().toString());
        b.heading("一、项目情况（按类别和状态）");
        b.table(List.of(Column.left("类别", 3), Column.center("状态", 3), Column.right("项目数", 1), Column.right("金额（元）", 2)),
                f.projects().stream().map(p -> List.of(p.categoryName(), labels.status(p.status()), String.valueOf(p.projects()),
                        Amounts.format(new BigDecimal(p.amount())))).toList(),
                List.of("合计", "", String.valueOf(f.projectCount()), ""));
        b.heading("二、资金情况");
        b.fields(List.of(new DocumentContent.Field("下达资金", Amounts.format(new BigDecimal(f.money().allocated())) + " 元"),
                new DocumentContent.Field("预留", Amounts.format(new BigDecimal(f.money().reserved())) + " 元"),
                new DocumentContent.Field("拨付", Amounts.format(new BigDecimal(f.money().paid())) + " 元"),
                new DocumentContent.Field("结余退回", Amounts.format(new BigDecimal(f.money().released())) + " 元"),
                new DocumentContent.Field("逾期支付", f.latePayments() + " 笔，" + Amounts.format(new BigDecimal(f.latePaymentAmount())) + " 元")));
        b.heading("三、绩效与满意度");
        b.fields(List.of(new DocumentContent.Field("绩效等级", f.grades().isEmpty() ? "本年无终期评价项目"
                        : f.grades().stream().map(g -> g.name() + " " + g.count() + " 项").collect(Collectors.joining("，"))),
                new DocumentContent.Field("居民满意度", f.respondents() == 0 ? "无调查"
                        : f.satisfied() + "/" + f.respondents() + "（" + f.satisfactionRate() + "）")));
        b.heading("四、政府购买服务");
        b.table(List.of(Column.left("采购方式", 3), Column.right("项目数", 1), Column.right("预算（元）", 2)),
                f.purchasesByMethod().stream().map(m -> List.of(m.name(), String.valueOf(m.purchases()),
                        Amounts.format(new BigDecimal(m.amount())))).toList(), null);
        b.table(List.of(Column.left("承接主体", 4), Column.right("项目数", 1), Column.right("成交金额（元）", 2)),
                f.purchasesByProvider().stream().map(m -> List.of(m.name(), String.valueOf(m.purchases()),
                        Amounts.format(new BigDecimal(m.amount())))).toList(), null);
        b.heading("五、逾期审核与异常");
        b.fields(List.of(new DocumentContent.Field("逾期审核（已督办）", f.overdueReviews() + " 次"),
                new DocumentContent.Field("发现的异常", f.anomalies().isEmpty() ? "无"
                        : f.anomalies().stream().map(a -> a.name() + " " + a.count() + " 项").collect(Collectors.joining("；")))));
        b.heading("六、部门考评（奖优罚劣，公开通报）");
        b.table(List.of(Column.left("部门", 4), Column.right("审核 按时/逾期", 2), Column.right("拨付 按时/逾期", 2),
                        Column.right("异常", 1), Column.right("平均得分", 1.5f), Column.right("民主评议满意率 部门/服务", 2.5f)),
                assessments.ofDistrict(r.reportYear(), r.bodyCode()).stream().map(d -> List.of(d.name(),
                        d.reviewsOnTime() + "/" + d.reviewsOverdue(), d.paymentsOnTime() + "/" + d.paymentsLate(),
                        String.valueOf(d.anomalies()), d.averageScore() == null ? "—" : d.averageScore(),
                        (d.evaluatedRate() == null ? "—" : d.evaluatedRate()) + "/" + (d.servicesRate() == null ? "—" : d.servicesRate())))
                        .toList(), null);
        b.heading("七、工作情况说明");
        b.paragraph(r.narrative() == null ? "" : r.narrative());
        b.paragraph("本报告数据由社区公共服务系统根据业务记录生成（" + r.draftedAt().toLocalDate() + "），签发时审计日志链尾："
                + heads.current().describe());
        return b.signature("报告单位", r.bodyName(), true).issuedOn(clock.today()).build();
    }

    AnnualReportFigures figures(AnnualReportMapper.Stored r) {
        try {
            return JSON.readValue(r.figures(), AnnualReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures of " + r.code(), e);
        }
    }

    private Report view(AnnualReportMapper.Stored r) {
        Optional<IssuedDocument> doc = r.documentId() == null ? Optional.empty() : documents.find(r.documentId());
        return new Report(r.code(), r.reportYear(), r.bodyLevel(), r.bodyCode(), r.bodyName(), r.recipient(), r.deadline(),
                r.status(), figures(r), r.narrative(), r.narratedBy(), r.approvedBy(), r.documentId(),
                doc.map(IssuedDocument::number).orElse(null), doc.map(IssuedDocument::sha256).orElse(null), r.submittedBy(),
                r.submittedAt() == null ? null : r.submittedAt().toString(), r.late());
    }

    List<AnnualReportMapper.Stored> all() {
        return mapper.all();
    }

    private String category(String code) {
        String name = categories.categoryName(code);
        return name == null ? code : name;
    }

    private static String shortName(AnnualReportMapper.Stored r) {
        return r.bodyName().length() > 3 ? r.bodyName().substring(0, 2) + "民" : r.bodyName();
    }

    private static String json(AnnualReportFigures f) {
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDateTime chinaTime) {
        return Date.from(chinaTime.atZone(ShequClock.ZONE).toInstant());
    }
}
