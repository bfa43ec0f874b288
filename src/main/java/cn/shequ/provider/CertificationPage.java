package cn.shequ.provider;

import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.pages.TaskForm;
import cn.shequ.pages.WorkbenchPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Civil affairs certifies a provider in the workbench with its registration on the screen (issue
 * 13): name, legal type, unified social credit code and whether its check character holds, the
 * categories it serves, its declarations, its status and its performance record, beside the
 * certify-provider form (forms/certify-provider.form), completed through {@link TaskCompletion} as
 * POST /api/tasks/{id}/complete is; the process's rules decide.
 */
@Controller
@WorkbenchPage
public class CertificationPage {

    private final Providers providers;
    private final ProviderMapper mapper;
    private final WorkItems items;
    private final TaskCompletion completion;
    private final TaskForm forms;
    private final CurrentUsers users;

    CertificationPage(Providers providers, ProviderMapper mapper, WorkItems items, TaskCompletion completion, TaskForm forms,
                      CurrentUsers users) {
        this.providers = providers;
        this.mapper = mapper;
        this.items = items;
        this.completion = completion;
        this.forms = forms;
        this.users = users;
    }

    /** Whether the workbench opens task {@code item} here. */
    public static boolean opensHere(WorkItem item) {
        return ProviderCertificationProcess.Tasks.CERTIFY_PROVIDER.equals(item.taskKey())
                && ProviderCertificationProcess.providerId(item.subjectCode()) != null;
    }

    /** Where the workbench opens it. */
    public static String address(WorkItem item) {
        return "/workbench/certifications/" + item.taskId();
    }

    private CurrentUser civilAffairs() {
        CurrentUser user = users.current();
        if (!user.isIn(Groups.CIVIL_AFFAIRS)) {
            throw Refusal.forbidden("WRONG_GROUP", "承接主体认证由区民政局办理");
        }
        return user;
    }

    @GetMapping("/workbench/certifications/{id}")
    String page(@PathVariable String id, Model model) {
        return page(id, civilAffairs(), model, Map.of(), Map.of(), null);
    }

    private String page(String id, CurrentUser user, Model model, Map<String, String> typed, Map<String, String> errors,
                        String message) {
        WorkItem item = open(id);
        Provider provider = providers.find(ProviderCertificationProcess.providerId(item.subjectCode()))
                .orElseThrow(() -> Refusal.notFound("承接主体", item.subjectCode()));
        model.addAttribute("item", item);
        model.addAttribute("provider", provider);
        model.addAttribute("legalType", LegalType.of(provider.legalType()).map(LegalType::chineseName).orElse(provider.legalType()));
        model.addAttribute("creditProblem", CreditCode.problem(provider.creditCode()));
        Map<String, String> categories = new LinkedHashMap<>();
        for (String code : provider.categoryList()) {
            String name = mapper.categoryName(code);
            categories.put(code, name == null ? code : name);
        }
        model.addAttribute("categories", categories);
        model.addAttribute("performance", providers.performance(provider.id()));
        // the form's explanation without its pointer to the JSON API: the registration is on this page
        model.addAttribute("fields", forms.of(item.taskKey()).stream()
                .filter(f -> f.input() || f.blocks().stream().flatMap(b -> b.runs().stream()).noneMatch(r -> r.text().contains("/api/")))
                .toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "home");
        return "workbench/certification";
    }

    private WorkItem open(String id) {
        List<WorkItem> offers = items.ofTask(id);
        if (offers.isEmpty() || !opensHere(offers.get(0))) {
            throw Refusal.notFound("认证任务", id);
        }
        return offers.get(0);
    }

    @PostMapping("/workbench/certifications/{id}")
    String decide(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response) {
        CurrentUser user = civilAffairs();
        if (items.ofTask(id).isEmpty()) {
            return "redirect:/workbench/?done=already";
        }
        WorkItem item = open(id);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Object> fields = new HashMap<>();
        for (TaskForm.Field field : forms.inputs(item.taskKey())) {
            String value = form.getFirst(field.key());
            if (value != null && !value.isBlank()) {
                typed.put(field.key(), value);
                fields.put(field.key(), field.parse(value.trim()));
            }
        }
        return Once.run(session, once, () -> {
            try {
                completion.complete(id, user, fields);
                return "redirect:/workbench/?done=" + item.taskKey();
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                if ("TASK_ALREADY_COMPLETED".equals(e.code())) {
                    return "redirect:/workbench/?done=already";
                }
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> errors = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> errors.put(k, Labels.chinese(v)));
                return page(id, user, model, typed, errors, Labels.refusal("未办结：", e, typed::containsKey));
            }
        });
    }
}
