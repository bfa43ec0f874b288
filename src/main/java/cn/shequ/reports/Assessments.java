package cn.shequ.reports;

import cn.shequ.auditor.anomaly.Anomalies;
import cn.shequ.auditor.anomaly.Anomaly;
import cn.shequ.document.Amounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment of departments (考评; 汕府〔2007〕60号 四(一): 奖优罚劣，公开进行通报), published without login
 * at {@code GET /public/assessment?year=2026}: for each street office, and each district's civil affairs
 * bureau and finance, its reviews done and overdue, the payments of its area on time and late (with the
 * interest owed), the anomalies found on its area's projects, and the average score and residents'
 * satisfaction of the projects it approved that were graded in the year; and the year's 民主评议 by residents'
 * meetings: of the department itself ({@code evaluated*}) and of the services it is answerable for
 * ({@code services*}: the projects of its area it approved, the purchases it made), 满意率 = (满意 + 基本满意) ÷ all.
 */
@Service
@RestController
class Assessments {

    private final AssessmentMapper mapper;
    private final Anomalies anomalies;

    Assessments(AssessmentMapper mapper, @Lazy Anomalies anomalies) {
        this.mapper = mapper;
        this.anomalies = anomalies;
    }

    record Department(String department, String name, String area, int reviewsOnTime, int reviewsOverdue, int paymentsOnTime,
                      int paymentsLate, String lateInterest, int anomalies, int projectsGraded, String averageScore,
                      Integer respondents, Integer satisfied, String satisfactionRate,
                      long evaluatedSatisfied, long evaluatedBasicallySatisfied, long evaluatedDissatisfied,
                      String evaluatedRate, long servicesSatisfied, long servicesBasicallySatisfied,
                      long servicesDissatisfied, String servicesRate) {}

    @GetMapping("/public/assessment")
    List<Department> assessment(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            throw cn.shequ.refusal.Refusal.invalid("year", "年度应为 2000 至 2100 / year 2000 to 2100");
        }
        LocalDateTime from = LocalDate.of(year, 1, 1).atStartOfDay();
        LocalDateTime until = from.plusYears(1);
        List<Anomaly> found = anomalies.detect(Optional.empty()).stream()
                .filter(a -> a.detectedAt() == null || a.detectedAt().getYear() == year).toList();
        List<Department> rows = new ArrayList<>();
        for (AssessmentMapper.Street s : mapper.streets()) {
            rows.add(row("street-office-review", s.code(), s.name(), s.code(), null, from, until, found));
        }
        for (AssessmentMapper.District d : mapper.districts()) {
            rows.add(row("civil-affairs-review", "CA-" + d.code(), d.name() + "民政局", null, d.code(), from, until, found));
            rows.add(row("finance-review", "FI-" + d.code(), d.name() + "财政局", null, d.code(), from, until, found));
        }
        return rows;
    }

    /** The rows of one district's departments: its street offices, its civil affairs and finance (the annual report prints them). */
    List<Department> ofDistrict(int year, String district) {
        java.util.Set<String> streets = new HashSet<>(mapper.streets().stream().filter(s -> district.equals(s.districtCode()))
                .map(AssessmentMapper.Street::code).toList());
        return assessment(year).stream().filter(d -> streets.contains(d.area()) || district.equals(d.area())).toList();
    }

    /** The same table as CSV, with the Chinese headers of the public page (/public/assessment.html). */
    @GetMapping("/public/assessment.csv")
    org.springframework.http.ResponseEntity<byte[]> csv(@RequestParam int year) {
        cn.shequ.web.Csv csv = new cn.shequ.web.Csv(List.of("部门编号", "部门", "按时审核", "逾期审核", "按时拨付", "逾期拨付",
                "逾期利息（元）", "异常", "已评级项目", "平均得分", "验收受访人数", "验收满意人数", "验收满意度",
                "民主评议部门满意", "民主评议部门基本满意", "民主评议部门不满意", "民主评议部门满意率",
                "民主评议服务满意", "民主评议服务基本满意", "民主评议服务不满意", "民主评议服务满意率"));
        for (Department d : assessment(year)) {
            csv.row(java.util.Arrays.asList(d.department(), d.name(), d.reviewsOnTime(), d.reviewsOverdue(), d.paymentsOnTime(),
                    d.paymentsLate(), d.lateInterest(), d.anomalies(), d.projectsGraded(), d.averageScore(), d.respondents(),
                    d.satisfied(), d.satisfactionRate(), d.evaluatedSatisfied(), d.evaluatedBasicallySatisfied(),
                    d.evaluatedDissatisfied(), d.evaluatedRate(), d.servicesSatisfied(), d.servicesBasicallySatisfied(),
                    d.servicesDissatisfied(), d.servicesRate()));
        }
        return csv.download("部门考评-" + year + ".csv");
    }

    private Department row(String taskKey, String code, String name, String street, String district, LocalDateTime from,
                           LocalDateTime until, List<Anomaly> found) {
        AssessmentMapper.Reviews reviews = mapper.reviews(taskKey, street, district, from, until);
        AssessmentMapper.Payments payments = mapper.payments(street, district, from, until);
        AssessmentMapper.Outcomes outcomes = mapper.outcomes(taskKey, street, district, from, until);
        Set<String> area = new HashSet<>(mapper.projects(street, district));
        int anomalyCount = (int) found.stream().filter(a -> area.contains(a.subject())).count();
        Integer respondents = outcomes.respondents();
        Integer satisfied = outcomes.satisfied();
        String rate = respondents == null || respondents == 0 ? null
                : Amounts.percent(BigDecimal.valueOf(satisfied), BigDecimal.valueOf(respondents));
        LocalDate day = from.toLocalDate();
        AssessmentMapper.Evaluated itself = mapper.departmentEvaluated(code, day, day.plusYears(1));
        AssessmentMapper.Evaluated services = mapper.servicesEvaluated(taskKey, street, district,
                !"finance-review".equals(taskKey), day, day.plusYears(1));
        return new Department(code, name, street != null ? street : district, reviews.done() - Math.min(reviews.done(), reviews.overdue()),
                reviews.overdue(), payments.onTime(), payments.late(),
                AnnualReportFigures.yuan(payments.interest()), anomalyCount, outcomes.graded(),
                outcomes.averageScore() == null ? null : outcomes.averageScore().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                respondents, satisfied, rate, itself.satisfied(), itself.basicallySatisfied(), itself.dissatisfied(),
                SatisfactionRate.of(itself.satisfied(), itself.basicallySatisfied(), itself.dissatisfied()),
                services.satisfied(), services.basicallySatisfied(), services.dissatisfied(),
                SatisfactionRate.of(services.satisfied(), services.basicallySatisfied(), services.dissatisfied()));
    }
}
