package cn.shequ.procurement;

import cn.shequ.calendar.CalendarYearMissingException;
import cn.shequ.engine.EngineIdentity;
import cn.shequ.engine.EngineTasks;
import cn.shequ.engine.ShequClock;
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
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import cn.shequ.refusal.Refusal;
import cn.shequ.pages.Once;
import cn.shequ.pages.TaskForm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The workbench page of one purchase (template workbench/purchase), for {@link PurchasePages} and the new
 * purchase's {@code requirement.RequirementPages}: what it shows of every part (the tasks the official may do
 * with their forms, the earliest lawful bid deadline, the committee's candidates, the challenge or milestone a
 * task is about), with a refused step's fields and messages beside them. Officials only. The step itself and its
 * refusal's HTTP status are the controller's, {@link PurchasePages} (ADR 0046: only the web layer and controllers map a
 * refusal to HTTP).
 */
@Component
public class PurchasePage {

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
    private final TaskForm forms;
    private final CurrentUsers users;
    private final EngineIdentity identity;
    private final ShequClock clock;

    PurchasePage(ProcurementService procurements, ProcurementMapper mapper, ProcurementViews views, BidPeriods periods,
                 ProcurementDeadlines deadlines, ChallengeMapper challenges, ContractMapper contracts, FundLedger funds,
                 WorkItems items, EngineTasks tasks, TaskForm forms, CurrentUsers users, EngineIdentity identity,
                 ShequClock clock) {
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
        this.forms = forms;
        this.users = users;
        this.identity = identity;
        this.clock = clock;
    }

    /** The user, who must be an official: the purchase pages are theirs (providers and experts have their own). */
    public CurrentUser official() {
        CurrentUser user = users.current();
        if (!ProcurementViews.official(user)) {
            throw Refusal.forbidden("NOT_AN_OFFICIAL", "采购工作页面供采购人（街道办事处、区民政局）、财政和审计人员使用；"
                    + "承接主体和评审专家请在工作台“我的待办”中办理本人的任务");
        }
        return user;
    }

    /** One task of the page: its form fields, what it is about and when it is due. */
    public record TaskBox(WorkItem item, List<TaskForm.Field> fields, boolean dueProvisional, boolean overdue,
                          Challenge challenge, ContractMilestone milestone) {}

    /** A person who may be chosen for the committee. */
    public record Person(String userId, String name) {}

    /** The earliest lawful bid deadline for the method, counted on the working-day calendar. */
    public record Earliest(LocalDate day, String minimum, boolean provisional, String problem) {}

    String render(String code, CurrentUser user, Model model, String failedTask, Map<String, String> typed,
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
        model.addAttribute("progress", view.scoringProgress());
        List<TaskBox> mine = new ArrayList<>();
        for (WorkItem item : items.ofSubject(code)) {
            if (!PurchasePages.NOT_HERE.contains(item.taskKey()) && mayWork(user, item) && mine.stream().noneMatch(b -> b.item().taskId().equals(item.taskId()))) {
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
}
