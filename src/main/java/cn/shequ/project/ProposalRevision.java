package cn.shequ.project;

import cn.shequ.identity.CurrentUser;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The project report's fields a prepare-proposal form changed, read into a revision of the report. */
@Component
class ProposalRevision {

    private final ProjectMapper projects;
    private final ProjectService proposals;

    ProposalRevision(ProjectMapper projects, ProjectService proposals) {
        this.projects = projects;
        this.proposals = proposals;
    }

    /**
     * The author's edits submitted with prepare-proposal (the Tasklist form): the fields that were
     * filled in and differ from the report replace them, under the same rules as PUT
     * /api/projects/{code}; budget lines and milestones stay as they are.
     */
    Project revise(String code, Map<String, Object> edits, CurrentUser user) {
        Project p = projects.find(code).orElseThrow(() -> Refusal.notFound("项目", code));
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        BigDecimal amount = p.amount();
        if (edits.containsKey("amount")) {
            try {
                amount = new BigDecimal(edits.get("amount").toString().trim());
            } catch (NumberFormatException e) {
                problems.put("amount", "项目金额须为数字 / must be an amount");
            }
        }
        LocalDate start = formDate(edits, "plannedStart", p.plannedStart(), problems);
        LocalDate end = formDate(edits, "plannedEnd", p.plannedEnd(), problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        ProjectRequest request = new ProjectRequest(text(edits, "title", p.title()), text(edits, "category", p.category()),
                p.communityCode(), text(edits, "beneficiaries", p.beneficiaries()),
                text(edits, "description", p.description()), amount, text(edits, "fundCode", p.fundCode()),
                text(edits, "deliveryMode", p.deliveryMode()),
                projects.budgetLines(code).stream().map(l -> new ProjectRequest.BudgetLineRequest(l.item(), l.amount())).toList(),
                start, end,
                projects.milestones(code).stream().map(m -> new ProjectRequest.MilestoneRequest(m.name(), m.percent())).toList());
        return proposals.update(code, request, user);
    }

    private static String text(Map<String, Object> edits, String field, String current) {
        return edits.containsKey(field) ? edits.get(field).toString() : current;
    }

    private static LocalDate formDate(Map<String, Object> edits, String field, LocalDate current, Map<String, String> problems) {
        if (!edits.containsKey(field)) {
            return current;
        }
        String text = edits.get(field).toString();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.format.DateTimeParseException e) {
            problems.put(field, field + " 须为日期，例如 2026-12-01 / must be a date");
            return current;
        }
    }
}
