package cn.shequ.reports;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.refusal.Refusal;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual reports: officials read them (civil affairs, finance, auditors, street offices); the narrative
 * is written through the task write-report-narrative, and this one edit door refuses any change after
 * issue and anyone outside the reporting body, naming the rule.
 */
@RestController
class AnnualReportController {

    private final AnnualReports reports;
    private final CurrentUsers users;

    AnnualReportController(AnnualReports reports, CurrentUsers users) {
        this.reports = reports;
        this.users = users;
    }

    @GetMapping("/api/annual-reports")
    List<AnnualReports.Report> list() {
        official();
        return reports.list();
    }

    @GetMapping("/api/annual-reports/{code}")
    AnnualReports.Report one(@PathVariable String code) {
        official();
        return reports.find(code).orElseThrow(() -> Refusal.notFound("年度进展报告", code));
    }

    record Narrative(String narrative) {}

    /** Revises the narrative before approval; refused after issue (ANNUAL_REPORT_ISSUED) and outside the body. */
    @PutMapping("/api/annual-reports/{code}/narrative")
    @Transactional
    AnnualReports.Report narrative(@PathVariable String code, @RequestBody(required = false) Narrative body) {
        CurrentUser me = users.current();
        AnnualReportMapper.Stored r = reports.lock(code);
        AnnualReports.requireBody(r, me);
        AnnualReports.requireNotIssued(r);
        if (!"DRAFTED".equals(r.status()) && !"NARRATED".equals(r.status())) {
            throw Refusal.conflict("ANNUAL_REPORT_APPROVED", "年度进展报告已审核同意，正在签发，不得修改：" + AnnualReports.RULE_ISSUED
                    + " / approved, no longer editable");
        }
        reports.narrate(r, body == null ? null : body.narrative(), me);
        return reports.find(code).orElseThrow();
    }

    private void official() {
        CurrentUser me = users.current();
        if (!(me.isIn(Groups.CIVIL_AFFAIRS) || me.isIn(Groups.FINANCE) || me.isIn(Groups.AUDITOR) || me.isIn(Groups.STREET_OFFICE)
                || me.isIn(Groups.ADMIN))) {
            throw Refusal.forbidden("OFFICIALS_ONLY", "年度进展报告在报送前仅供政府工作人员查阅 / officials only");
        }
    }
}
