package cn.shequ.procurement;

import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.procurement.PurchaseProcess.Tasks;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * The purchaser's pages of a purchase of services in the workbench (issue 13): start a purchase
 * with the method the rules will pick shown while typing, publish the notice with the earliest
 * lawful bid deadline, see the bids after the deadline, form the evaluation committee from lists,
 * follow the ranking and award, answer challenges, sign and publish the contract and accept its
 * milestones. Every change goes through the same services as the JSON API ({@link ProcurementService},
 * {@link TaskCompletion}); every rule is theirs, every reading is {@link ProcurementViews}' (sealed
 * bids, confidential committee). Officials only: the provider's and the expert's pages are others'.
 *
 * <p>Here: the list and the page of one purchase with its steps' forms (what the page shows: {@link PurchasePage}; a step and
 * how its refusal comes back: here); the new purchase's page is the requirement part's
 * ({@code requirement.RequirementPages}).
 */
@Controller
@WorkbenchPage
public class PurchasePages {

    /** Tasks of a purchase that bidders and experts do on their own pages, never here. */
    static final Set<String> NOT_HERE = Set.of(Tasks.SCORE_BID, Tasks.REPORT_MILESTONE);
    /** A project's purchase before its requirement has no purchase row yet: its task stays on the generic page. */
    static final Set<String> NOT_YET = Set.of(Tasks.DEFINE_REQUIREMENT);

    private final ProcurementService procurements;
    private final ProcurementMapper mapper;
    private final ProcurementViews views;
    private final PurchasePage purchase;
    private final WorkItems items;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final TaskForm forms;
    private final ShequClock clock;

    PurchasePages(ProcurementService procurements, ProcurementMapper mapper, ProcurementViews views, PurchasePage purchase,
                  WorkItems items, EngineTasks tasks, TaskCompletion completion, TaskForm forms, ShequClock clock) {
        this.procurements = procurements;
        this.mapper = mapper;
        this.views = views;
        this.purchase = purchase;
        this.items = items;
        this.tasks = tasks;
        this.completion = completion;
        this.forms = forms;
        this.clock = clock;
    }

    /** Whether the workbench opens task {@code item} on a purchase page (not a bidder's or an expert's task). */
    public static boolean opensHere(WorkItem item) {
        return item.subjectCode() != null && item.subjectCode().startsWith(ProcurementCodes.PROCUREMENT + "-")
                && !NOT_HERE.contains(item.taskKey()) && !NOT_YET.contains(item.taskKey());
    }

    // ------------------------------------------------------------------ list

    @GetMapping("/workbench/purchases")
    String list(Model model) {
        purchase.official();
        model.addAttribute("purchases", procurements.search(null));
        model.addAttribute("nav", "purchases");
        return "workbench/purchases";
    }

    // ------------------------------------------------------------------ one purchase

    @GetMapping("/workbench/purchases/{code}")
    String page(@PathVariable String code, Model model) {
        CurrentUser user = purchase.official();
        if (mapper.find(code).isEmpty()) {
            // a project's purchase before its requirement: its task page, beside the project's dossier
            List<ProcurementViews.OpenTaskView> open = views.awaitingRequirement(code, user)
                    .map(ProcurementViews.AwaitingRequirementView::openTasks).orElse(List.of());
            if (!open.isEmpty()) {
                return "redirect:/workbench/tasks/" + open.get(0).id();
            }
        }
        return purchase.render(code, user, model, null, Map.of(), Map.of(), null);
    }

    @PostMapping("/workbench/purchases/{code}/notice")
    String notice(@PathVariable String code, @RequestParam(defaultValue = "") String bidDeadline,
                  @RequestParam(defaultValue = "") String bidDeposit,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response) {
        CurrentUser user = purchase.official();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("bidDeadline", bidDeadline.trim());
        typed.put("bidDeposit", bidDeposit.trim());
        Map<String, Object> fields = new HashMap<>();
        if (!bidDeadline.isBlank()) {
            fields.put(PurchaseProcess.Vars.BID_DEADLINE, bidDeadline.trim());
        }
        if (!bidDeposit.isBlank()) {
            fields.put("bidDeposit", bidDeposit.trim());
        }
        return step(code, user, Tasks.PUBLISH_NOTICE, fields, typed, once, model, session, response);
    }

    @PostMapping("/workbench/purchases/{code}/committee")
    String committee(@PathVariable String code, @RequestParam(name = "expert", required = false) List<String> experts,
                     @RequestParam(name = "representative", required = false) List<String> representatives,
                     @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                     HttpServletResponse response) {
        CurrentUser user = purchase.official();
        List<String> chosenExperts = experts == null ? List.of() : experts;
        List<String> members = new ArrayList<>(chosenExperts);
        if (representatives != null) {
            members.addAll(representatives);
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("members", String.join(",", members));
        typed.put("experts", String.join(",", chosenExperts));
        Map<String, Object> fields = new HashMap<>();
        fields.put("members", String.join(",", members));
        fields.put("experts", String.join(",", chosenExperts));
        return step(code, user, Tasks.FORM_COMMITTEE, fields, typed, once, model, session, response);
    }

    /** Any other task of the purchase offered to the user, completed from its form (as POST /api/tasks/{id}/complete). */
    @PostMapping("/workbench/purchases/{code}/tasks/{id}")
    String task(@PathVariable String code, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                HttpServletResponse response) {
        CurrentUser user = purchase.official();
        List<WorkItem> offers = items.ofTask(id);
        if (offers.isEmpty()) {
            return tasks.wasCompleted(id) ? "redirect:/workbench/purchases/" + code + "?done=already"
                    : purchase.render(code, user, model, null, Map.of(), Map.of(), "该任务不存在或已不在办理中。");
        }
        WorkItem item = offers.get(0);
        if (!code.equals(item.subjectCode()) || NOT_HERE.contains(item.taskKey())) {
            throw Refusal.notFound("任务", id);
        }
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Object> fields = new HashMap<>();
        for (TaskForm.Field field : forms.inputs(item.taskKey())) {
            String value = form.getFirst(field.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            typed.put(field.key(), value);
            fields.put(field.key(), field.parse(value.trim()));
        }
        return Once.run(session, once, () -> {
            try {
                completion.complete(id, user, fields);
                return "redirect:/workbench/purchases/" + code + "?done=" + item.taskKey();
            } catch (RuntimeException thrown) {
                return refused(code, user, id, thrown, typed, model, response);
            }
        });
    }

    /** Today in Beijing time, for the pages' date pickers. */
    LocalDateTime now() {
        return clock.localNow();
    }

    /** Completes the purchase's open task {@code key} as the API's endpoint for it does ({@link ProcurementService#completeOpenTask}; a refusal shown as {@link #refused} does). */
    private String step(String code, CurrentUser user, String key, Map<String, Object> fields, Map<String, String> typed,
                String once, Model model, HttpSession session, HttpServletResponse response) {
        Procurement p = procurements.require(code);
        return Once.run(session, once, () -> {
            try {
                procurements.completeOpenTask(p, key, user, fields);
                return "redirect:/workbench/purchases/" + code + "?done=" + key;
            } catch (RuntimeException thrown) {
                return refused(code, user, key, thrown, typed, model, response);
            }
        });
    }

    /** The page again with the refusal in Chinese beside the field it names, and what was typed; nothing changed. */
    private String refused(String code, CurrentUser user, String task, RuntimeException thrown, Map<String, String> typed,
                   Model model, HttpServletResponse response) {
        Refusal e = Refusal.of(thrown);
        if ("TASK_ALREADY_COMPLETED".equals(e.code())) {
            return "redirect:/workbench/purchases/" + code + "?done=already";
        }
        response.setStatus(HttpRefusal.status(e).value());
        Map<String, String> errors = new LinkedHashMap<>();
        e.fields().forEach((k, v) -> errors.put(k, Labels.chinese(v)));
        return purchase.render(code, user, model, task, typed, errors, Labels.refusal("未办结：", e, typed::containsKey));
    }
}
