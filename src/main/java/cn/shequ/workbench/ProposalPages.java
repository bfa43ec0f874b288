package cn.shequ.workbench;

import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.project.BudgetLine;
import cn.shequ.project.Milestone;
import cn.shequ.project.Project;
import cn.shequ.project.ProjectRequest;
import cn.shequ.project.ProjectService;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The project report (项目报告书) form: a committee member drafts, edits and submits a proposal with
 * its budget lines and milestones. Saving goes through {@link ProjectService#create} and
 * {@link ProjectService#update} (the rules of POST and PUT /api/projects), submitting through
 * {@link ProjectService#submit}; whatever they refuse is shown in Chinese beside its field, with
 * what the user typed kept.
 */
@Controller
class ProposalPages {

    private final CurrentUsers users;
    private final ProjectService projects;
    private final FundLedger funds;
    private final WorkbenchMapper pages;
    private final Dossier dossier;

    ProposalPages(CurrentUsers users, ProjectService projects, FundLedger funds, WorkbenchMapper pages, Dossier dossier) {
        this.users = users;
        this.projects = projects;
        this.funds = funds;
        this.pages = pages;
        this.dossier = dossier;
    }

    /** What the form shows and sends back: text as typed, so nothing typed is lost on a refusal. */
    public static class Form {
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

        static Form of(Project p, List<BudgetLine> lines, List<Milestone> milestones) {
            Form f = new Form();
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
    }

    @GetMapping("/workbench/proposals/new")
    String newProposal(Model model) {
        CurrentUser user = users.current();
        requireCommitteeMember(user);
        return form(model, new Form(), null, Map.of(), null);
    }

    @GetMapping("/workbench/projects/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        CurrentUser user = users.current();
        Project p = dossier.readable(user, code);
        return form(model, Form.of(p, projects.budgetLines(code), projects.milestones(code)), p, Map.of(), null);
    }

    @PostMapping("/workbench/proposals")
    String create(@org.springframework.web.bind.annotation.ModelAttribute("form") Form form, @RequestParam(defaultValue = "save") String action,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response, jakarta.servlet.http.HttpServletRequest http) {
        CurrentUser user = users.current();
        form.rows(http);
        return Once.run(session, once, () -> save(form, null, action, user, model, response));
    }

    @PostMapping("/workbench/projects/{code}/edit")
    String update(@PathVariable String code, @org.springframework.web.bind.annotation.ModelAttribute("form") Form form, @RequestParam(defaultValue = "save") String action,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response, jakarta.servlet.http.HttpServletRequest http) {
        CurrentUser user = users.current();
        form.rows(http);
        Project p = dossier.readable(user, code);
        return Once.run(session, once, () -> save(form, p, action, user, model, response));
    }

    @PostMapping("/workbench/projects/{code}/submit")
    String submit(@PathVariable String code, @RequestParam(name = Once.PARAMETER, required = false) String once,
                  HttpSession session) {
        CurrentUser user = users.current();
        dossier.readable(user, code);
        return Once.run(session, once, () -> {
            projects.submit(code, user);
            return "redirect:/workbench/projects/" + code + "?done=submitted";
        });
    }

    @PostMapping("/workbench/projects/{code}/withdraw")
    String withdraw(@PathVariable String code, @RequestParam(name = Once.PARAMETER, required = false) String once,
                    HttpSession session) {
        CurrentUser user = users.current();
        dossier.readable(user, code);
        return Once.run(session, once, () -> {
            projects.withdraw(code, user);
            return "redirect:/workbench/projects/" + code + "?done=withdrawn";
        });
    }

    private String save(Form form, Project existing, String action, CurrentUser user, Model model,
                        HttpServletResponse response) {
        Map<String, String> problems = new LinkedHashMap<>();
        ProjectRequest request = request(form, existing == null ? user.communityCode() : existing.communityCode(), problems);
        if (!problems.isEmpty()) {
            response.setStatus(400);
            return form(model, form, existing, problems, "项目报告书未保存：请按标红的提示修改。");
        }
        String code;
        try {
            code = existing == null ? projects.create(request, user).code() : projects.update(existing.code(), request, user).code();
        } catch (RuntimeException thrown) {
            Refusal e = Refusal.of(thrown);
            response.setStatus(HttpRefusal.status(e).value());
            Map<String, String> fields = new LinkedHashMap<>();
            e.fields().forEach((k, v) -> fields.put(k, Labels.chinese(v)));
            return form(model, form, existing, fields, Labels.refusal("项目报告书未保存：", e, ProposalPages::shown));
        }
        if ("submit".equals(action)) {
            try {
                projects.submit(code, user);
            } catch (RuntimeException e) {
                Refusal.of(e);
                return "redirect:/workbench/projects/" + code + "?done=saved";
            }
            return "redirect:/workbench/projects/" + code + "?done=submitted";
        }
        return "redirect:/workbench/projects/" + code + "?done=saved";
    }

    /** Whether the form shows a problem of {@code field} beside it. */
    static boolean shown(String field) {
        return java.util.Set.of("title", "category", "beneficiaries", "description", "amount", "fundCode", "deliveryMode",
                "plannedStart", "plannedEnd", "budgetLines", "milestones").contains(field)
                || field.matches("(budgetLines|milestones)\\[\\d+\\](\\.(item|amount|name|percent))?");
    }

    /** The form's text as the service's request; text that is no number or date is named here, as the API's JSON reader does. */
    static ProjectRequest request(Form f, String communityCode, Map<String, String> problems) {
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

    private String form(Model model, Form form, Project existing, Map<String, String> errors, String message) {
        model.addAttribute("form", form);
        model.addAttribute("project", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("categories", pages.categories());
        model.addAttribute("funds", funds.all().stream().map(this::fund).toList());
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", existing == null ? "new" : "mine");
        return "workbench/proposal";
    }

    /** A fund in the list: what it may pay for and what it holds now. */
    record FundChoice(String code, String name, String categories, BigDecimal available) {}

    private FundChoice fund(Fund f) {
        String categories = f.allCategories() ? "各类服务" : String.join("、", funds.categories(f.code()).stream()
                .map(c -> pages.categories().stream().filter(x -> x.code().equals(c)).map(WorkbenchMapper.Category::name)
                        .findFirst().orElse(c)).toList());
        return new FundChoice(f.code(), f.name(), categories, f.available());
    }

    private static void requireCommitteeMember(CurrentUser user) {
        if (!user.isIn(cn.shequ.identity.Groups.COMMITTEE) || user.communityCode() == null) {
            throw Refusal.forbidden("FORBIDDEN", "只有社区居委会成员可以编制项目报告书");
        }
    }
}
