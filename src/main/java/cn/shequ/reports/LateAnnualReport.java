package cn.shequ.reports;

import cn.shequ.auditor.anomaly.Anomaly;
import cn.shequ.auditor.anomaly.AnomalyRule;
import cn.shequ.engine.ShequClock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An annual progress report submitted after its deadline, or still not submitted when it has passed; the
 * finding names its source: the report, the reporting body, the recipient and the configured deadline.
 */
@Component
class LateAnnualReport implements AnomalyRule {

    private final AnnualReportMapper reports;

    LateAnnualReport(AnnualReportMapper reports) {
        this.reports = reports;
    }

    @Override
    public String id() {
        return "LATE_ANNUAL_REPORT";
    }

    @Override
    public String title() {
        return "年度进展报告逾期报送 / annual progress report late";
    }

    @Override
    public String legalSource() {
        return "汕府〔2007〕60号（每年2月底前报送市民政局）；粤府〔2007〕6号（每年3月31日前报送省民政厅）；期限按配置 shequ.annual-report";
    }

    @Override
    public List<Anomaly> detect(LocalDateTime now) {
        List<Anomaly> found = new ArrayList<>();
        for (AnnualReportMapper.Stored r : reports.all()) {
            String source = r.reportYear() + "年度进展报告 " + r.code() + "（" + r.bodyName() + "报送" + r.recipient() + "，期限 "
                    + r.deadline() + "）";
            if (r.late() && r.submittedAt() != null) {
                found.add(anomaly(r.code(), source + "于 " + r.submittedAt().toLocalDate() + " 报送，逾期 / submitted late", r.submittedAt()));
            } else if (r.submittedAt() == null && now.toLocalDate().isAfter(r.deadline())) {
                found.add(anomaly(r.code(), source + "逾期仍未报送 / still not submitted", r.deadline().plusDays(1).atStartOfDay()));
            }
        }
        return found;
    }

    private Anomaly anomaly(String subject, String detail, LocalDateTime at) {
        return new Anomaly(id(), subject, detail, at.atZone(ShequClock.ZONE).toOffsetDateTime(), title(), legalSource());
    }
}
