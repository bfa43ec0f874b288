package cn.shequ.reports;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.document.DocumentService;
import cn.shequ.document.DocumentType;
import cn.shequ.document.IssuedDocument;
import cn.shequ.engine.EngineProcesses;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final AnnualReportMapper mapper;
    private final AnnualReportRoutes routes;
    private final AnnualReportTally tally;
    private final AnnualReportDocument document;
    private final DocumentService documents;
    private final EngineProcesses processes;
    private final AuditLog audit;
    private final ShequClock clock;
    private final TransactionTemplate transaction;

    AnnualReports(AnnualReportMapper mapper, AnnualReportRoutes routes, AnnualReportTally tally, AnnualReportDocument document,
                  DocumentService documents, EngineProcesses processes, AuditLog audit, ShequClock clock,
                  TransactionTemplate transaction) {
        this.mapper = mapper;
        this.routes = routes;
        this.tally = tally;
        this.document = document;
        this.documents = documents;
        this.processes = processes;
        this.audit = audit;
        this.clock = clock;
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
                AnnualReportTally.json(figures(year, d.code(), name)), clock.localNow());
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
        return tally.figures(year, districtCode, bodyName);
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
        if (AnnualReportProcess.Decision.APPROVE.equals(decision)) {
            mapper.approve(r.code(), actor.userId());
        } else if (AnnualReportProcess.Decision.RETURN.equals(decision)) {
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
        IssuedDocument doc = documents.issue(DocumentType.ANNUAL_REPORT, r.code(), number, document.content(r), CurrentUser.SYSTEM);
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

    private Report view(AnnualReportMapper.Stored r) {
        Optional<IssuedDocument> doc = r.documentId() == null ? Optional.empty() : documents.find(r.documentId());
        return new Report(r.code(), r.reportYear(), r.bodyLevel(), r.bodyCode(), r.bodyName(), r.recipient(), r.deadline(),
                r.status(), AnnualReportTally.read(r), r.narrative(), r.narratedBy(), r.approvedBy(), r.documentId(),
                doc.map(IssuedDocument::number).orElse(null), doc.map(IssuedDocument::sha256).orElse(null), r.submittedBy(),
                r.submittedAt() == null ? null : r.submittedAt().toString(), r.late());
    }

    List<AnnualReportMapper.Stored> all() {
        return mapper.all();
    }

    private static String shortName(AnnualReportMapper.Stored r) {
        return r.bodyName().length() > 3 ? r.bodyName().substring(0, 2) + "民" : r.bodyName();
    }

    private static Date date(LocalDateTime chinaTime) {
        return Date.from(chinaTime.atZone(ShequClock.ZONE).toInstant());
    }
}
