package cn.shequ.workbench;

import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.project.Project;
import cn.shequ.project.ProjectRequest;
import cn.shequ.project.ProjectService;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The project report (项目报告书) form: a committee member drafts, edits and submits a proposal with
 * its budget lines and milestones ({@link ProposalForm}). Saving goes through {@link ProjectService#create} and
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

    @GetMapping("/workbench/proposals/new")
    String newProposal(Model model) {
        CurrentUser user = users.current();
        requireCommitteeMember(user);
        return form(model, new ProposalForm(), null, Map.of(), null);
    }

    @GetMapping("/workbench/projects/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        CurrentUser user = users.current();
        Project p = dossier.readable(user, code);
        return form(model, ProposalForm.of(p, projects.budgetLines(code), projects.milestones(code)), p, Map.of(), null);
    }

    @PostMapping("/workbench/proposals")
    String create(@org.springframework.web.bind.annotation.ModelAttribute("form") ProposalForm form, @RequestParam(defaultValue = "save") String action,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response, jakarta.servlet.http.HttpServletRequest http) {
        CurrentUser user = users.current();
        form.rows(http);
        return Once.run(session, once, () -> save(form, null, action, user, model, response));
    }

    @PostMapping("/workbench/projects/{code}/edit")
    String update(@PathVariable String code, @org.springframework.web.bind.annotation.ModelAttribute("form") ProposalForm form, @RequestParam(defaultValue = "save") String action,
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

    private String save(ProposalForm form, Project existing, String action, CurrentUser user, Model model,
                        HttpServletResponse response) {
        Map<String, String> problems = new LinkedHashMap<>();
        ProjectRequest request = ProposalForm.request(form, existing == null ? user.communityCode() : existing.communityCode(), problems);
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
            return form(model, form, existing, fields, Labels.refusal("项目报告书未保存：", e, ProposalForm::shown));
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

    private String form(Model model, ProposalForm form, Project existing, Map<String, String> errors, String message) {
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
