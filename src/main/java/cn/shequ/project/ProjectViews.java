package cn.shequ.project;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.Money;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** The JSON shapes of a project (API.md): money as strings, open tasks from the task index. */
@Component
class ProjectViews {

    private final ProjectService projects;
    private final WorkItems workItems;
    private final MilestonePayments payments;
    private final WorkingDayCalendar calendar;

    ProjectViews(ProjectService projects, WorkItems workItems, MilestonePayments payments, WorkingDayCalendar calendar) {
        this.calendar = calendar;
        this.projects = projects;
        this.workItems = workItems;
        this.payments = payments;
    }

    /** Once paid: when, whether late, the days late and the interest owed for them (0 and "0.00" when on time). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record MilestoneView(int seq, String name, int percent, String amount, String status, String paidOn,
                         Boolean latePayment, Integer lateDays, String lateInterest) {}

    record BudgetLineView(int seq, String item, String amount) {}

    /** {@code dueProvisional}: the due date was counted on a provisional calendar (null without a due date). */
    record OpenTaskView(String id, String key, String name, OffsetDateTime due, boolean escalated, Boolean dueProvisional) {}

    record ProjectView(String code, String title, String status, String category, String communityCode,
                       String beneficiaries, String description, String amount, String fundCode, String deliveryMode,
                       String plannedStart, String plannedEnd, String author, String reserved, String disbursed,
                       List<BudgetLineView> budgetLines, List<MilestoneView> milestones, List<OpenTaskView> openTasks,
                       String score, String grade, String procurementCode) {}

    record ProjectSummary(String code, String title, String status, String category, String communityCode,
                          String amount, String fundCode, String grade) {}

    ProjectView view(Project p) {
        List<MilestoneView> milestones = projects.milestones(p.code()).stream()
                .map(m -> {
                    var payment = payments.find(p.code(), m.seq());
                    return new MilestoneView(m.seq(), m.name(), m.percent(), Money.format(m.amount()), m.status(),
                            payment.map(x -> x.paidAt().toLocalDate().toString()).orElse(null),
                            payment.map(MilestonePayments.Payment::late).orElse(null),
                            payment.map(MilestonePayments.Payment::daysLate).orElse(null),
                            payment.map(x -> Money.format(x.lateInterest())).orElse(null));
                }).toList();
        List<BudgetLineView> lines = projects.budgetLines(p.code()).stream()
                .map(l -> new BudgetLineView(l.seq(), l.item(), Money.format(l.amount()))).toList();
        List<OpenTaskView> open = workItems.ofSubject(p.code()).stream().map(this::openTask).toList();
        return new ProjectView(p.code(), p.title(), p.status(), p.category(), p.communityCode(), p.beneficiaries(),
                p.description(), Money.format(p.amount()), p.fundCode(), p.deliveryMode(), p.plannedStart().toString(),
                p.plannedEnd().toString(), p.author(), Money.format(p.reservedAmount()), Money.format(p.disbursedAmount()),
                lines, milestones, open, p.score() == null ? null : p.score().toPlainString(), p.grade(),
                projects.purchaseOf(p.code()));
    }

    ProjectSummary summary(Project p) {
        return new ProjectSummary(p.code(), p.title(), p.status(), p.category(), p.communityCode(),
                Money.format(p.amount()), p.fundCode(), p.grade());
    }

    private OpenTaskView openTask(WorkItem item) {
        return new OpenTaskView(item.taskId(), item.taskKey(), item.name(),
                item.due() == null ? null : item.due().atZone(ShequClock.ZONE).toOffsetDateTime(), item.escalated(),
                item.due() == null ? null : calendar.isProvisional(item.due().toLocalDate()));
    }
}
