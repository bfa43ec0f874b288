package cn.shequ.workbench;

import cn.shequ.engine.EngineTasks;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.pages.Labels;
import cn.shequ.pages.Once;
import cn.shequ.pages.TaskForm;
import cn.shequ.procurement.bidding.Bid;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProviderDesk;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.task.TaskCompletion;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The two purchase tasks held by one person outside the purchaser: an evaluation expert's
 * {@code score-bid} (the bid's price, proposal and files, the score with its range and rule; never
 * who else sits on the committee nor their scores: 条例 art. 40) and the provider's
 * {@code report-contract-milestone} (with evidence files). Fields from the task's Camunda Form,
 * completed through {@link TaskCompletion} as POST /api/tasks/{id}/complete is.
 */
@Controller
class PurchaseTaskPages {

    /** The task keys these pages handle; {@link TaskPages} sends them here. */
    static final Set<String> KEYS = Set.of(PurchaseProcess.Tasks.SCORE_BID, PurchaseProcess.Tasks.REPORT_MILESTONE);

    private final CurrentUsers users;
    private final WorkItems items;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final TaskForm forms;
    private final ProviderDesk desk;
    private final PurchaseAttachments files;

    PurchaseTaskPages(CurrentUsers users, WorkItems items, EngineTasks tasks, TaskCompletion completion, TaskForm forms,
                      ProviderDesk desk, PurchaseAttachments files) {
        this.users = users;
        this.items = items;
        this.tasks = tasks;
        this.completion = completion;
        this.forms = forms;
        this.desk = desk;
        this.files = files;
    }

    /** Where {@link TaskPages} sends a task of {@link #KEYS}. */
    static String route(WorkItem item) {
        return PurchaseProcess.Tasks.SCORE_BID.equals(item.taskKey()) ? "/workbench/scoring/" + item.taskId()
                : "/workbench/milestone-reports/" + item.taskId();
    }

    /** The open task {@code id} of {@code key}, held by {@code user}; 404 otherwise (nobody learns of another's task). */
    private WorkItem held(String id, String key, CurrentUser user) {
        List<WorkItem> offers = items.ofTask(id);
        if (offers.isEmpty() && tasks.wasCompleted(id)) {
            throw Refusal.conflict("TASK_ALREADY_COMPLETED", "该任务已办结");
        }
        return offers.stream().filter(i -> key.equals(i.taskKey()) && user.userId().equals(i.assignee())).findFirst()
                .orElseThrow(() -> Refusal.notFound("任务", id));
    }

    // ---- 技术评分 ---------------------------------------------------------------------------------------

    @GetMapping("/workbench/scoring/{id}")
    String scoring(@PathVariable String id, Model model) {
        return scoringPage(id, users.current(), model, "", null);
    }

    @PostMapping("/workbench/scoring/{id}")
    String score(@PathVariable String id, @RequestParam(defaultValue = "") String technicalScore,
                 @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                 HttpServletResponse response) {
        CurrentUser user = users.current();
        if (items.ofTask(id).isEmpty() && tasks.wasCompleted(id)) {
            return "redirect:/workbench/?done=already";
        }
        held(id, PurchaseProcess.Tasks.SCORE_BID, user);
        return Once.run(session, once, () -> {
            Map<String, Object> fields = new HashMap<>();
            if (!technicalScore.isBlank()) {
                fields.put("technicalScore", technicalScore.trim());
            }
            try {
                completion.complete(id, user, fields);
                return "redirect:/workbench/?done=" + PurchaseProcess.Tasks.SCORE_BID;
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                if ("TASK_ALREADY_COMPLETED".equals(e.code())) {
                    return "redirect:/workbench/?done=already";
                }
                response.setStatus(HttpRefusal.status(e).value());
                String error = e.fields().getOrDefault("technicalScore", e.getMessage());
                return scoringPage(id, user, model, technicalScore, TaskPages.labelled("technicalScore", Labels.chinese(error), "技术得分"));
            }
        });
    }

    private String scoringPage(String id, CurrentUser user, Model model, String typed, String error) {
        WorkItem item = held(id, PurchaseProcess.Tasks.SCORE_BID, user);
        Object bidId = tasks.variable(id, PurchaseProcess.Vars.BID_ID);
        Bid bid = bidId instanceof Number n ? desk.bid(n.longValue()).orElse(null) : null;
        if (bid == null) {
            throw Refusal.notFound("投标", String.valueOf(bidId));
        }
        Procurement p = desk.find(item.subjectCode()).orElseThrow(() -> Refusal.notFound("采购项目", item.subjectCode()));
        model.addAttribute("item", item);
        model.addAttribute("p", p);
        model.addAttribute("categoryName", desk.categoryName(p.category()));
        model.addAttribute("bid", bid);
        model.addAttribute("bidFiles", files.ofBid(bid.id()));
        model.addAttribute("fields", forms.of(item.taskKey()));
        model.addAttribute("typed", typed);
        model.addAttribute("error", error);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "home");
        return "workbench/scoring";
    }

    // ---- 报告履约情况 ------------------------------------------------------------------------------------

    @GetMapping("/workbench/milestone-reports/{id}")
    String report(@PathVariable String id, Model model) {
        return reportPage(id, users.current(), model, Map.of(), Map.of(), null);
    }

    @PostMapping("/workbench/milestone-reports/{id}")
    String submitReport(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                        @RequestParam(name = Once.PARAMETER, required = false) String once, Model model,
                        HttpSession session, HttpServletResponse response) {
        CurrentUser user = users.current();
        if (items.ofTask(id).isEmpty() && tasks.wasCompleted(id)) {
            return "redirect:/workbench/?done=already";
        }
        WorkItem item = held(id, PurchaseProcess.Tasks.REPORT_MILESTONE, user);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Object> fields = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (TaskForm.Field field : forms.inputs(item.taskKey())) {
            labels.put(field.key(), field.label());
            String value = form.getFirst(field.key());
            if (value != null && !value.isBlank()) {
                typed.put(field.key(), value);
                fields.put(field.key(), value.trim());
            }
        }
        return Once.run(session, once, () -> {
            try {
                completion.complete(id, user, fields);
                return "redirect:/workbench/tenders/" + item.subjectCode() + "?done=reported";
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                if ("TASK_ALREADY_COMPLETED".equals(e.code())) {
                    return "redirect:/workbench/?done=already";
                }
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> errors = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> errors.put(k, TaskPages.labelled(k, Labels.chinese(v), labels.get(k))));
                return reportPage(id, user, model, typed, errors, Labels.refusal("未提交：", e, labels::containsKey));
            }
        });
    }

    @PostMapping("/workbench/milestone-reports/{id}/attachments")
    String attach(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, HttpSession session,
                  RedirectAttributes redirect) {
        CurrentUser user = users.current();
        WorkItem item = held(id, PurchaseProcess.Tasks.REPORT_MILESTONE, user);
        Integer seq = seq(id);
        return Once.run(session, once, () -> {
            AttachedFile.upload(file, redirect,
                    (name, content) -> files.addToMilestone(item.subjectCode(), seq == null ? -1 : seq, name, content, user).fileName());
            return "redirect:/workbench/milestone-reports/" + id;
        });
    }

    private Integer seq(String taskId) {
        return tasks.variable(taskId, PurchaseProcess.Vars.MILESTONE_SEQ) instanceof Number n ? n.intValue() : null;
    }

    private String reportPage(String id, CurrentUser user, Model model, Map<String, String> typed,
                              Map<String, String> errors, String message) {
        WorkItem item = held(id, PurchaseProcess.Tasks.REPORT_MILESTONE, user);
        Procurement p = desk.find(item.subjectCode()).orElseThrow(() -> Refusal.notFound("采购项目", item.subjectCode()));
        Integer seq = seq(id);
        List<ProviderDesk.MilestoneLine> milestones = user.organisationId() == null ? List.of()
                : desk.milestones(p, user.organisationId());
        model.addAttribute("item", item);
        model.addAttribute("p", p);
        model.addAttribute("seq", seq);
        model.addAttribute("milestone", milestones.stream().filter(m -> seq != null && m.seq() == seq).findFirst().orElse(null));
        model.addAttribute("evidenceFiles", files.ofMilestones(p.code()).stream()
                .filter(f -> seq != null && seq.equals(f.milestoneSeq())).toList());
        model.addAttribute("fields", forms.of(item.taskKey()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "home");
        return "workbench/milestone-report";
    }
}
