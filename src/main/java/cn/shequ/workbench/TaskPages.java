package cn.shequ.workbench;

import cn.shequ.engine.EngineTasks;
import cn.shequ.fund.Fund;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.pages.TaskForm;
import cn.shequ.project.Project;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A task opened in the workbench: the project's dossier beside the decision form of the task's
 * Camunda Form (forms/&lt;key&gt;.form), completed through {@link TaskCompletion} as POST
 * /api/tasks/{id}/complete is. Also the project page; the residents' meeting outcome shown while it is
 * typed is {@link MeetingOutcomePage}, the attachments {@link ProjectAttachmentPages}.
 */
@Controller
class TaskPages implements UploadLimit {

    /** A service project's purchase before its requirement is stated (its subject is the purchase's code). */
    static final String REQUIREMENT = cn.shequ.procurement.PurchaseProcess.Tasks.DEFINE_REQUIREMENT;

    static final Set<String> MILESTONE_TASKS = Set.of(ServiceProjectProcess.Tasks.REPORT_MILESTONE,
            ServiceProjectProcess.Tasks.ACCEPT_MILESTONE, ServiceProjectProcess.Tasks.APPROVE_PAYMENT);

    private final CurrentUsers users;
    private final WorkItems items;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final TaskForm forms;
    private final Dossier dossier;

    TaskPages(CurrentUsers users, WorkItems items, EngineTasks tasks, TaskCompletion completion, TaskForm forms,
              Dossier dossier) {
        this.users = users;
        this.items = items;
        this.tasks = tasks;
        this.completion = completion;
        this.forms = forms;
        this.dossier = dossier;
    }

    @GetMapping("/workbench/projects/{code}")
    String project(@PathVariable String code, @RequestParam(required = false) String done, Model model) {
        CurrentUser user = users.current();
        Dossier.Facts facts = dossier.of(user, code);
        model.addAttribute("facts", facts);
        model.addAttribute("done", done);
        model.addAttribute("once", Once.token());
        model.addAttribute("author", facts.project().author().equals(user.userId()));
        model.addAttribute("ownCommunity", facts.project().communityCode().equals(user.communityCode()));
        model.addAttribute("nav", "projects");
        return "workbench/project";
    }

    @GetMapping("/workbench/tasks/{id}")
    String task(@PathVariable String id, Model model) {
        // an expert's scoring and a provider's milestone report have pages of their own (PurchaseTaskPages)
        List<WorkItem> purchaseTask = items.ofTask(id).stream().filter(i -> PurchaseTaskPages.KEYS.contains(i.taskKey())).toList();
        if (!purchaseTask.isEmpty()) {
            return "redirect:" + PurchaseTaskPages.route(purchaseTask.get(0));
        }
        return page(id, users.current(), model, Map.of(), Map.of(), null);
    }

    @PostMapping("/workbench/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                    @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                    HttpServletResponse response) {
        CurrentUser user = users.current();
        List<WorkItem> offers = items.ofTask(id);
        if (offers.isEmpty()) {
            return tasks.wasCompleted(id) ? "redirect:/workbench/?done=already" : page(id, user, model, Map.of(), Map.of(), null);
        }
        WorkItem item = offers.get(0);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Object> fields = new HashMap<>();
        for (TaskForm.Field field : forms.inputs(item.taskKey())) {
            String value = form.getFirst(field.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            typed.put(field.key(), value);
            fields.put(field.key(), value(field, value.trim()));
        }
        return Once.run(session, once, () -> {
            try {
                completion.complete(id, user, fields);
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                if ("TASK_ALREADY_COMPLETED".equals(e.code())) {
                    return "redirect:/workbench/?done=already";
                }
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> errors = new LinkedHashMap<>();
                Map<String, String> labels = new HashMap<>();
                forms.inputs(item.taskKey()).forEach(f -> labels.put(f.key(), f.label()));
                e.fields().forEach((k, v) -> errors.put(k, labelled(k, Labels.chinese(v), labels.get(k))));
                java.util.Set<String> shown = new java.util.HashSet<>();
                forms.inputs(item.taskKey()).forEach(f -> shown.add(f.key()));
                return page(id, user, model, typed, errors, Labels.refusal("未办结：", e, shown::contains));
            }
            return REQUIREMENT.equals(item.taskKey())
                    ? "redirect:/workbench/purchases/" + item.subjectCode() + "?done=" + item.taskKey()
                    : "redirect:/workbench/?done=" + item.taskKey();
        });
    }

    /** "no 必填" as a person reads it: "反对票 必填" (the service names the field by its key). */
    static String labelled(String key, String message, String label) {
        return Labels.labelled(key, message, label);
    }

    /** A number field as the API receives it from JSON (a whole number), anything else as typed for the step's rules. */
    private static Object value(TaskForm.Field field, String value) {
        return field.parse(value);
    }

    private String page(String id, CurrentUser user, Model model, Map<String, String> typed, Map<String, String> errors,
                        String message) {
        List<WorkItem> offers = items.ofTask(id);
        if (offers.isEmpty()) {
            throw tasks.wasCompleted(id) ? Refusal.conflict("TASK_ALREADY_COMPLETED", "该任务已办结")
                    : Refusal.notFound("任务", id);
        }
        WorkItem item = offers.get(0);
        if (cn.shequ.provider.CertificationPage.opensHere(item)) {
            return "redirect:" + cn.shequ.provider.CertificationPage.address(item);
        }
        if (cn.shequ.procurement.PurchasePages.opensHere(item)) {
            return "redirect:/workbench/purchases/" + item.subjectCode() + "#task-" + item.taskKey();
        }
        // a project's purchase before its requirement: the requirement is stated beside the project's dossier
        String projectCode = REQUIREMENT.equals(item.taskKey())
                ? dossier.projectBuying(item.subjectCode()).orElse(null) : item.subjectCode();
        if (projectCode == null || !projectCode.startsWith("SP-")) {
            model.addAttribute("item", item);
            model.addAttribute("nav", "home");
            return "workbench/elsewhere";
        }
        Dossier.Facts facts = dossier.of(user, projectCode);
        boolean requirement = REQUIREMENT.equals(item.taskKey());
        model.addAttribute("requirement", requirement);
        if (requirement) {
            // the purchase's budget is what the project holds reserved and has not paid (ProjectRequirements.defineForProject)
            model.addAttribute("purchaseBudget", facts.project().reservedAmount().subtract(facts.project().disbursedAmount()));
        }
        boolean meeting = ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING.equals(item.taskKey());
        // the fields that refresh a preview while typed: the meeting's outcome, or the purchase method the rules pick
        model.addAttribute("liveUrl", meeting ? "/workbench/meeting-outcome" : requirement ? "/workbench/purchases/method" : null);
        model.addAttribute("liveTarget", meeting ? "#outcome" : requirement ? "#method-preview" : null);
        Integer seq = MILESTONE_TASKS.contains(item.taskKey()) ? milestoneSeq(id) : null;
        model.addAttribute("item", item);
        model.addAttribute("facts", facts);
        model.addAttribute("fields", forms.of(item.taskKey()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("seq", seq);
        model.addAttribute("payment", dossier.payment(item.subjectCode(), seq).orElse(null));
        model.addAttribute("effect", effect(item.taskKey(), facts, seq));
        model.addAttribute("once", Once.token());
        model.addAttribute("attachable", ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING.equals(item.taskKey())
                || ServiceProjectProcess.Tasks.REPORT_MILESTONE.equals(item.taskKey()));
        model.addAttribute("meeting", meeting);
        model.addAttribute("nav", "home");
        return "workbench/task";
    }

    private Integer milestoneSeq(String taskId) {
        try {
            return tasks.variable(taskId, ServiceProjectProcess.Vars.MILESTONE_SEQ) instanceof Number n ? n.intValue() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What approving this task does to the money, in words (the fund's balance before and after). */
    record Effect(String text, BigDecimal amount, String balance, BigDecimal availableBefore, BigDecimal availableAfter) {}

    private static Effect effect(String taskKey, Dossier.Facts facts, Integer seq) {
        Fund fund = facts.fund();
        Project p = facts.project();
        if (fund == null) {
            return null;
        }
        if (ServiceProjectProcess.Tasks.FINANCE_REVIEW.equals(taskKey)) {
            return new Effect("同意即从“" + fund.name() + "”为本项目预留", p.amount(), "资金可用余额", fund.available(),
                    fund.available().subtract(p.amount()));
        }
        if (ServiceProjectProcess.Tasks.APPROVE_PAYMENT.equals(taskKey) && seq != null) {
            BigDecimal amount = facts.milestones().stream().filter(m -> m.milestone().seq() == seq)
                    .map(m -> m.milestone().amount()).findFirst().orElse(null);
            return amount == null ? null : new Effect("同意即从本项目预留资金中拨付第 " + seq + " 期", amount, "本项目预留未拨付",
                    p.reservedAmount().subtract(p.disbursedAmount()), p.reservedAmount().subtract(p.disbursedAmount()).subtract(amount));
        }
        return null;
    }
}
