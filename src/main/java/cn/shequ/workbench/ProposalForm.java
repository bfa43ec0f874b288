package cn.shequ.workbench;

import cn.shequ.project.BudgetLine;
import cn.shequ.project.Milestone;
import cn.shequ.project.Project;
import cn.shequ.project.ProjectRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the project report form shows and sends back: text as typed, so nothing typed is lost on a refusal;
 * read as the service's request, with text that is no number or date named here.
 */
public class ProposalForm {
    public String title = "";
    public String category = "";
    public String beneficiaries = "";
    public String description = "";
    public String amount = "";
    public String fundCode = "";
    public String deliveryMode = "SELF";
    public String plannedStart = "";
    public String plannedEnd = "";
    public List<String> lineItem = new ArrayList<>(List.of(""));
    public List<String> lineAmount = new ArrayList<>(List.of(""));
    public List<String> milestoneName = new ArrayList<>(List.of(""));
    public List<String> milestonePercent = new ArrayList<>(List.of(""));

    public String getTitle() { return title; }
    public String getCategory() { return category; }
    public String getBeneficiaries() { return beneficiaries; }
    public String getDescription() { return description; }
    public String getAmount() { return amount; }
    public String getFundCode() { return fundCode; }
    public String getDeliveryMode() { return deliveryMode; }
    public String getPlannedStart() { return plannedStart; }
    public String getPlannedEnd() { return plannedEnd; }
    public void setTitle(String v) { title = v; }
    public void setCategory(String v) { category = v; }
    public void setBeneficiaries(String v) { beneficiaries = v; }
    public void setDescription(String v) { description = v; }
    public void setAmount(String v) { amount = v; }
    public void setFundCode(String v) { fundCode = v; }
    public void setDeliveryMode(String v) { deliveryMode = v; }
    public void setPlannedStart(String v) { plannedStart = v; }
    public void setPlannedEnd(String v) { plannedEnd = v; }

    /** The table rows, read as sent (a bound list would split one value at its commas). */
    void rows(jakarta.servlet.http.HttpServletRequest request) {
        lineItem = values(request, "lineItem");
        lineAmount = values(request, "lineAmount");
        milestoneName = values(request, "milestoneName");
        milestonePercent = values(request, "milestonePercent");
    }

    private static List<String> values(jakarta.servlet.http.HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length == 0 ? new ArrayList<>(List.of("")) : new ArrayList<>(List.of(values));
    }
    public int getLineCount() { return Math.max(lineItem.size(), lineAmount.size()); }
    public int getMilestoneCount() { return Math.max(milestoneName.size(), milestonePercent.size()); }
    public String lineItem(int i) { return at(lineItem, i); }
    public String lineAmount(int i) { return at(lineAmount, i); }
    public String milestoneName(int i) { return at(milestoneName, i); }
    public String milestonePercent(int i) { return at(milestonePercent, i); }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    static ProposalForm of(Project p, List<BudgetLine> lines, List<Milestone> milestones) {
        ProposalForm f = new ProposalForm();
        f.title = p.title();
        f.category = p.category();
        f.beneficiaries = p.beneficiaries();
        f.description = p.description();
        f.amount = p.amount().toPlainString();
        f.fundCode = p.fundCode();
        f.deliveryMode = p.deliveryMode();
        f.plannedStart = p.plannedStart().toString();
        f.plannedEnd = p.plannedEnd().toString();
        f.lineItem = new ArrayList<>(lines.stream().map(BudgetLine::item).toList());
        f.lineAmount = new ArrayList<>(lines.stream().map(l -> l.amount().toPlainString()).toList());
        f.milestoneName = new ArrayList<>(milestones.stream().map(Milestone::name).toList());
        f.milestonePercent = new ArrayList<>(milestones.stream().map(m -> Integer.toString(m.percent())).toList());
        return f;
    }

    /** Whether the form shows a problem of {@code field} beside it. */
    static boolean shown(String field) {
        return java.util.Set.of("title", "category", "beneficiaries", "description", "amount", "fundCode", "deliveryMode",
                "plannedStart", "plannedEnd", "budgetLines", "milestones").contains(field)
                || field.matches("(budgetLines|milestones)\\[\\d+\\](\\.(item|amount|name|percent))?");
    }

    /** The form's text as the service's request; text that is no number or date is named here, as the API's JSON reader does. */
    static ProjectRequest request(ProposalForm f, String communityCode, Map<String, String> problems) {
        BigDecimal amount = decimal(f.amount, "amount", "项目金额须为数字，例如 12000.00", problems);
        List<ProjectRequest.BudgetLineRequest> lines = new ArrayList<>();
        for (int i = 0; i < f.getLineCount(); i++) {
            if (f.lineItem(i).isBlank() && f.lineAmount(i).isBlank()) {
                continue;
            }
            lines.add(new ProjectRequest.BudgetLineRequest(f.lineItem(i),
                    decimal(f.lineAmount(i), "budgetLines[" + lines.size() + "].amount", "金额须为数字", problems)));
        }
        List<ProjectRequest.MilestoneRequest> milestones = new ArrayList<>();
        for (int i = 0; i < f.getMilestoneCount(); i++) {
            if (f.milestoneName(i).isBlank() && f.milestonePercent(i).isBlank()) {
                continue;
            }
            Integer percent = null;
            String text = f.milestonePercent(i).trim();
            if (!text.isEmpty()) {
                try {
                    percent = Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    problems.put("milestones[" + milestones.size() + "].percent", "比例须为 1 到 100 的整数");
                }
            }
            milestones.add(new ProjectRequest.MilestoneRequest(f.milestoneName(i), percent));
        }
        return new ProjectRequest(f.title, blankToNull(f.category), communityCode, f.beneficiaries, f.description, amount,
                blankToNull(f.fundCode), blankToNull(f.deliveryMode), lines,
                date(f.plannedStart, "plannedStart", problems), date(f.plannedEnd, "plannedEnd", problems), milestones);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static BigDecimal decimal(String text, String field, String problem, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.put(field, problem);
            return null;
        }
    }

    private static LocalDate date(String text, String field, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.put(field, "日期格式须为 2026-12-01");
            return null;
        }
    }
}
