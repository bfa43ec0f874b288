package cn.shequ.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * What Shequ drafts an annual report from, computed from its own tables when the report is drafted and
 * kept with it unchanged (annual_report.figures): projects by category and status, money allocated,
 * reserved, paid and released, grades and satisfaction, purchases by method and provider, late payments,
 * overdue reviews and anomalies. Amounts are yuan with two decimals, as text.
 */
public record AnnualReportFigures(int year, String bodyCode, String bodyName, List<ProjectLine> projects, Money money,
                                  List<Count> grades, int respondents, int satisfied, String satisfactionRate,
                                  List<PurchaseLine> purchasesByMethod, List<PurchaseLine> purchasesByProvider,
                                  int latePayments, String latePaymentAmount, int overdueReviews, List<Count> anomalies) {

    public record ProjectLine(String category, String categoryName, String status, int projects, String amount) {}

    public record Money(String allocated, String reserved, String paid, String released) {}

    public record Count(String key, String name, int count) {}

    public record PurchaseLine(String key, String name, int purchases, String amount) {}

    public int projectCount() {
        return projects.stream().mapToInt(ProjectLine::projects).sum();
    }

    static String yuan(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
