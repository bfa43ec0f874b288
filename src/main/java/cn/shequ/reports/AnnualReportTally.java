package cn.shequ.reports;

import cn.shequ.auditor.anomaly.Anomalies;
import cn.shequ.auditor.anomaly.Anomaly;
import cn.shequ.document.Amounts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Counts a reporting body's year from Shequ's data: the figures an annual report carries, and their stored JSON. */
@Component
class AnnualReportTally {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnnualReportMapper mapper;
    private final PeriodicDisclosureMapper categories;
    private final Anomalies anomalies;

    AnnualReportTally(AnnualReportMapper mapper, PeriodicDisclosureMapper categories, @Lazy Anomalies anomalies) {
        this.mapper = mapper;
        this.categories = categories;
        this.anomalies = anomalies;
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
                .map(g -> new AnnualReportFigures.Count(g.grade(), ReportNames.GRADES.getOrDefault(g.grade(), g.grade()), g.projects())).toList();
        AnnualReportMapper.Satisfaction sat = mapper.satisfaction(districtCode, from, until);
        int respondents = sat == null || sat.respondents() == null ? 0 : sat.respondents();
        int satisfied = sat == null || sat.satisfied() == null ? 0 : sat.satisfied();
        String rate = respondents == 0 ? null : Amounts.percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(respondents));
        List<AnnualReportFigures.PurchaseLine> byMethod = mapper.purchasesByMethod(districtCode, year).stream()
                .map(m -> new AnnualReportFigures.PurchaseLine(m.method(), ReportNames.METHODS.getOrDefault(m.method(), m.method()), m.purchases(),
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

    /** The figures a report was drafted with. */
    static AnnualReportFigures read(AnnualReportMapper.Stored r) {
        try {
            return JSON.readValue(r.figures(), AnnualReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures of " + r.code(), e);
        }
    }

    static String json(AnnualReportFigures f) {
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String category(String code) {
        String name = categories.categoryName(code);
        return name == null ? code : name;
    }
}
