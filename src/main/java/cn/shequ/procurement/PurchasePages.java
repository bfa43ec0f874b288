package cn.shequ.procurement;

import cn.shequ.calendar.CalendarYearMissingException;
import cn.shequ.engine.EngineIdentity;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.procurement.PurchaseProcess.Tasks;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.challenge.Challenge;
import cn.shequ.procurement.challenge.ChallengeMapper;
import cn.shequ.procurement.contract.ContractMapper;
import cn.shequ.procurement.contract.ContractMilestone;
import cn.shequ.procurement.requirement.ProcurementRequest;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final BidPeriods periods;
    private final ProcurementDeadlines deadlines;
    private final ChallengeMapper challenges;
    private final ContractMapper contracts;
    private final FundLedger funds;
    private final WorkItems items;
    private final EngineTasks tasks;
    private final TaskCompletion completion;
    private final TaskForm forms;
    private final CurrentUsers users;
    private final EngineIdentity identity;
    private final ShequClock clock;

    PurchasePages(ProcurementService procurements, ProcurementMapper mapper, ProcurementViews views, BidPeriods periods,
                  ProcurementDeadlines deadlines, ChallengeMapper challenges, ContractMapper contracts, FundLedger funds,
                  WorkItems items, EngineTasks tasks, TaskCompletion completion, TaskForm forms, CurrentUsers users,
                  EngineIdentity identity, ShequClock clock) {
        this.procurements = procurements;
        this.mapper = mapper;
        this.views = views;
        this.periods = periods;
        this.deadlines = deadlines;
        this.challenges = challenges;
        this.contracts = contracts;
        this.funds = funds;
        this.items = items;
        this.tasks = tasks;
        this.completion = completion;
        this.forms = forms;
        this.users = users;
        this.identity = identity;
        this.clock = clock;
    }

    /** Whether the workbench opens task {@code item} on a purchase page (not a bidder's or an expert's task). */
    public static boolean opensHere(WorkItem item) {
        return item.subjectCode() != null && item.subjectCode().startsWith(ProcurementCodes.PROCUREMENT + "-")
                && !NOT_HERE.contains(item.taskKey()) && !NOT_YET.contains(item.taskKey());
    }

    private CurrentUser official() {
        CurrentUser user = users.current();
        if (!ProcurementViews.official(user)) {
            throw Refusal.forbidden("NOT_AN_OFFICIAL", "采购工作页面供采购人（街道办事处、区民政局）、财政和审计人员使用；"
                    + "承接主体和评审专家请在工作台“我的待办”中办理本人的任务");
        }
        return user;
    }

    // ------------------------------------------------------------------ list

    @GetMapping("/workbench/purchases")
    String list(Model model) {
        official();
        model.addAttribute("purchases", procurements.search(null));
        model.addAttribute("nav", "purchases");
        return "workbench/purchases";
    }

    // ------------------------------------------------------------------ a new purchase

    @GetMapping("/workbench/purchases/new")
    String form(Model model) {
        CurrentUser user = official();
        ProcurementService.purchaser(user);
        return newForm(model, user, Map.of(), Map.of(), null);
    }

    private String newForm(Model model, CurrentUser user, Map<String, String> typed, Map<String, String> errors,
                           String message) {
        model.addAttribute("categories", mapper.categories());
        model.addAttribute("funds", fundsOf(user));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "purchases");
        return "workbench/purchase-new";
    }

    /** The funds a purchaser may buy from: its street's own budget and the funds of no street (预算法 art. 13). */
    private List<Fund> fundsOf(CurrentUser user) {
        String street = user.streetCode();
        return funds.all().stream().filter(f -> f.ownerStreet() == null || f.ownerStreet().equals(street)).toList();
    }

    static final List<String> REQUIREMENT_FIELDS = List.of("title", "category", "amount", "fundCode", "termMonths",
            "termReason", "priceWeight", "method", "methodReason");

    /** The method the procurement-method table gives what is typed so far (an htmx fragment). */
    @PostMapping("/workbench/purchases/method")
    String method(@RequestParam MultiValueMap<String, String> form, Model model) {
        CurrentUser user = official();
        String category = text(form.getFirst("category"));
        BigDecimal amount = decimal(form.getFirst("amount"));
        if (category != null && amount != null && amount.signum() > 0 && mapper.categoryName(category) != null) {
            ProcurementService.MethodDecision decision = procurements.previewMethod(category, amount,
                    text(form.getFirst("method")), user);
            model.addAttribute("decision", decision);
            model.addAttribute("methodName", ProcurementDocuments.method(decision.method()));
            model.addAttribute("categoryName", mapper.categoryName(category));
            model.addAttribute("minimum", BidPeriods.minimum(decision.method()).describe());
        }
        return "workbench/purchase-fragments :: method";
    }

    @PostMapping("/workbench/purchases")
    String create(@RequestParam MultiValueMap<String, String> form,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response) {
        CurrentUser user = official();
        Map<String, String> typed = new LinkedHashMap<>();
        REQUIREMENT_FIELDS.forEach(f -> {
            String v = form.getFirst(f);
            if (v != null && !v.isBlank()) {
                typed.put(f, v.trim());
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = number(typed, "amount", "预算金额须为金额，例如 120000 或 120000.50", errors);
        BigDecimal months = number(typed, "termMonths", "合同履行期限须为整数（月）", errors);
        BigDecimal weight = number(typed, "priceWeight", "价格分权重须为数字（%），例如 30", errors);
        if (months != null && months.stripTrailingZeros().scale() > 0) {
            errors.put("termMonths", "合同履行期限须为整数（月）");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return newForm(model, user, typed, errors, "未保存：请按标红的提示修改。");
        }
        ProcurementRequest request = new ProcurementRequest(typed.get("title"), typed.get("category"), amount,
                typed.get("fundCode"), months == null ? null : months.intValue(), typed.get("termReason"), weight, null,
                typed.get("method"), typed.get("methodReason"));
        return Once.run(session, once, () -> {
            try {
                Procurement created = procurements.create(request, user);
                return "redirect:/workbench/purchases/" + created.code() + "?done=created";
            } catch (RuntimeException thrown) {
                Refusal e = Refusal.of(thrown);
                response.setStatus(HttpRefusal.status(e).value());
                Map<String, String> problems = new LinkedHashMap<>();
                e.fields().forEach((k, v) -> problems.put(k, Labels.chinese(v)));
                return newForm(model, user, typed, problems, Labels.refusal("未保存：", e, REQUIREMENT_FIELDS::contains));
            }
        });
    }

    // ------------------------------------------------------------------ one purchase

    @GetMapping("/workbench/purchases/{code}")
    String page(@PathVariable String code, Model model) {
        CurrentUser user = official();
        if (mapper.find(code).isEmpty()) {
            // a project's purchase before its requirement: its task page, beside the project's dossier
            List<ProcurementViews.OpenTaskView> open = views.awaitingRequirement(code, user)
                    .map(ProcurementViews.AwaitingRequirementView::openTasks).orElse(List.of());
            if (!open.isEmpty()) {
                return "redirect:/workbench/tasks/" + open.get(0).id();
            }
        }
        return page(code, user, model, null, Map.of(), Map.of(), null);
    }

    /** One task of the page: its form fields, what it is about and when it is due. */
    public record TaskBox(WorkItem item, List<TaskForm.Field> fields, boolean dueProvisional, boolean overdue,
                          Challenge challenge, ContractMilestone milestone) {}

    /** A person who may be chosen for the committee. */
    public record Person(String userId, String name) {}

    /** The earliest lawful bid deadline for the method, counted on the working-day calendar. */
    public record Earliest(LocalDate day, String minimum, boolean provisional, String problem) {}

    private String page(String code, CurrentUser user, Model model, String failedTask, Map<String, String> typed,
                        Map<String, String> errors, String message) {
        Procurement p = procurements.require(code);
        ProcurementViews.ProcurementView view = views.view(p, user);
        model.addAttribute("p", p);
        model.addAttribute("v", view);
        model.addAttribute("categoryName", Objects.requireNonNullElse(mapper.categoryName(p.category()), p.category()));
        model.addAttribute("methodName", ProcurementDocuments.method(p.method()));
        model.addAttribute("fund", funds.find(p.fundCode()).orElse(null));
        model.addAttribute("opened", views.opened(p));
        model.addAttribute("names", names(view));
        model.addAttribute("progress", views.scoringProgress(p, user).orElse(null));
        List<TaskBox> mine = new ArrayList<>();
        for (WorkItem item : items.ofSubject(code)) {
            if (!NOT_HERE.contains(item.taskKey()) && mayWork(user, item) && mine.stream().noneMatch(b -> b.item().taskId().equals(item.taskId()))) {
                mine.add(box(code, item));
            }
        }
        model.addAttribute("tasks", mine);
        Set<String> keys = new HashSet<>();
        mine.forEach(b -> keys.add(b.item().taskKey()));
        if (keys.contains(Tasks.PUBLISH_NOTICE)) {
            model.addAttribute("earliest", earliest(p.method()));
        }
        if (keys.contains(Tasks.FORM_COMMITTEE)) {
            model.addAttribute("experts", people(identity.memberIds(Groups.EVALUATION_EXPERT)));
            model.addAttribute("representatives", representatives(p));
            model.addAttribute("committeeRules", forms.of(Tasks.FORM_COMMITTEE).stream().filter(f -> !f.input()).toList());
        }
        model.addAttribute("failedTask", failedTask);
        // the forms of the tasks that were not just refused show nothing typed and no refusal
        model.addAttribute("nothingTyped", Map.of());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("once", Once.token());
        model.addAttribute("nav", "purchases");
        return "workbench/purchase";
    }

    /** The display names of the users the page shows (committee members, purchaser). */
    private Map<String, String> names(ProcurementViews.ProcurementView view) {
        Map<String, String> names = new HashMap<>();
        List<String> ids = new ArrayList<>();
        ids.add(view.purchaser());
        view.committee().forEach(m -> ids.add(m.userId()));
        for (String id : ids) {
            if (id != null) {
                names.computeIfAbsent(id, this::name);
            }
        }
        return names;
    }

    private String name(String userId) {
        return identity.account(userId).map(EngineIdentity.Account::displayName).orElse(userId);
    }

    private TaskBox box(String code, WorkItem item) {
        Challenge challenge = Tasks.ANSWER_CHALLENGE.equals(item.taskKey()) ? challenges.byTask(item.taskId()).orElse(null) : null;
        ContractMilestone milestone = null;
        if (Tasks.ACCEPT_MILESTONE.equals(item.taskKey()) || Tasks.APPROVE_PAYMENT.equals(item.taskKey())) {
            Object seq = tasks.variable(item.taskId(), PurchaseProcess.Vars.MILESTONE_SEQ);
            if (seq instanceof Number n) {
                milestone = contracts.milestone(code, n.intValue()).orElse(null);
            }
        }
        return new TaskBox(item, forms.of(item.taskKey()), deadlines.provisional(item.due()),
                item.due() != null && item.due().isBefore(clock.localNow()), challenge, milestone);
    }

    /** Display only: whether the user's list offers them the task (the completion decides again). */
    private static boolean mayWork(CurrentUser user, WorkItem item) {
        return item.assignee() != null ? item.assignee().equals(user.userId())
                : item.candidateGroup() != null && user.isIn(item.candidateGroup());
    }

    private Earliest earliest(String method) {
        BidPeriods.Minimum minimum = BidPeriods.minimum(method);
        try {
            LocalDate day = periods.earliestDeadline(method, clock.today());
            return new Earliest(day, minimum.describe(), deadlines.provisional(day), null);
        } catch (CalendarYearMissingException e) {
            return new Earliest(null, minimum.describe(), false, "工作日历缺少 " + e.getMessage() + "，暂不能计算最早截止日");
        }
    }

    private List<Person> people(List<String> ids) {
        return ids.stream().sorted().map(id -> new Person(id, name(id))).toList();
    }

    /** The purchaser's own staff: its street office's, or its district civil affairs bureau's. */
    private List<Person> representatives(Procurement p) {
        String group = p.purchaserStreet() != null ? Groups.STREET_OFFICE : Groups.CIVIL_AFFAIRS;
        return identity.memberIds(group).stream().sorted().map(users::load)
                .filter(u -> p.purchaserStreet() != null ? p.purchaserStreet().equals(u.streetCode())
                        : Objects.equals(p.purchaserDistrict(), u.districtCode()))
                .map(u -> new Person(u.userId(), u.name())).toList();
    }

    @PostMapping("/workbench/purchases/{code}/notice")
    String notice(@PathVariable String code, @RequestParam(defaultValue = "") String bidDeadline,
                  @RequestParam(defaultValue = "") String bidDeposit,
                  @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                  HttpServletResponse response) {
        CurrentUser user = official();
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
        CurrentUser user = official();
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

    /** Completes the purchase's open task {@code key} as the API's endpoint for it does ({@link ProcurementService#completeOpenTask}). */
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

    /** Any other task of the purchase offered to the user, completed from its form (as POST /api/tasks/{id}/complete). */
    @PostMapping("/workbench/purchases/{code}/tasks/{id}")
    String task(@PathVariable String code, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                @RequestParam(name = Once.PARAMETER, required = false) String once, Model model, HttpSession session,
                HttpServletResponse response) {
        CurrentUser user = official();
        List<WorkItem> offers = items.ofTask(id);
        if (offers.isEmpty()) {
            return tasks.wasCompleted(id) ? "redirect:/workbench/purchases/" + code + "?done=already"
                    : page(code, user, model, null, Map.of(), Map.of(), "该任务不存在或已不在办理中。");
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
        return page(code, user, model, task, typed, errors, Labels.refusal("未办结：", e, typed::containsKey));
    }

    // ------------------------------------------------------------------ helpers

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number typed into {@code field}, or null (blank: the service names it as missing; not a number: {@code problem}). */
    private static BigDecimal number(Map<String, String> typed, String field, String problem, Map<String, String> errors) {
        String value = typed.get(field);
        if (value == null) {
            return null;
        }
        BigDecimal number = decimal(value);
        if (number == null) {
            errors.put(field, problem);
        }
        return number;
    }

    /** Today in Beijing time, for the pages' date pickers. */
    LocalDateTime now() {
        return clock.localNow();
    }
}
