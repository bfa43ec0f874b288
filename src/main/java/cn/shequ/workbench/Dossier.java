package cn.shequ.workbench;

import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.document.DocumentService;
import cn.shequ.document.IssuedDocument;
import cn.shequ.document.SubjectReaders;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.Fund;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.CurrentUser;
import cn.shequ.project.BudgetLine;
import cn.shequ.project.Milestone;
import cn.shequ.project.Project;
import cn.shequ.project.ProjectService;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Everything a decision rests on, gathered for one project (卷宗): the proposal and its budget
 * lines, milestones and payments, the residents' meetings and their minutes, earlier opinions,
 * documents and attachments, the fund's balance and the project's open tasks. Read only by those
 * who may read the project (the same {@link SubjectReaders} as the API's documents).
 */
@Component
class Dossier {

    private final ProjectService projects;
    private final WorkbenchMapper pages;
    private final FundLedger funds;
    private final MilestonePayments payments;
    private final DocumentService documents;
    private final WorkItems items;
    private final List<SubjectReaders> readers;
    private final Attachments attachments;
    private final WorkingDayCalendar calendar;
    private final ShequClock clock;

    Dossier(ProjectService projects, WorkbenchMapper pages, FundLedger funds, MilestonePayments payments,
            DocumentService documents, WorkItems items, List<SubjectReaders> readers, Attachments attachments,
            WorkingDayCalendar calendar, ShequClock clock) {
        this.projects = projects;
        this.pages = pages;
        this.funds = funds;
        this.payments = payments;
        this.documents = documents;
        this.items = items;
        this.readers = readers;
        this.attachments = attachments;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A milestone with its payment, if paid. */
    record MilestoneLine(Milestone milestone, Optional<MilestonePayments.Payment> payment) {}

    /** The facts of one project. */
    record Facts(Project project, String communityName, String categoryName, List<BudgetLine> budgetLines,
                 BigDecimal budgetTotal, List<MilestoneLine> milestones, List<WorkbenchMapper.MeetingRow> meetings,
                 List<WorkbenchMapper.ActionRow> actions, List<IssuedDocument> documents,
                 List<AttachmentMapper.AttachmentRow> attachments, Fund fund, List<WorkItem> openTasks) {}

    /** Refuses (403/404, as the API) unless {@code user} may read project {@code code}. */
    Project readable(CurrentUser user, String code) {
        Project project = projects.find(code).orElseThrow(() -> Refusal.notFound("项目", code));
        readers.stream().filter(r -> r.owns(code)).findFirst()
                .orElseThrow(() -> Refusal.notFound("项目", code)).requireReader(user, code);
        return project;
    }

    Facts of(CurrentUser user, String code) {
        Project p = readable(user, code);
        List<BudgetLine> lines = projects.budgetLines(code);
        return new Facts(p, pages.communityName(p.communityCode()),
                pages.categories().stream().filter(c -> c.code().equals(p.category())).map(WorkbenchMapper.Category::name)
                        .findFirst().orElse(p.category()),
                lines, lines.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                projects.milestones(code).stream().map(m -> new MilestoneLine(m, payments.find(code, m.seq()))).toList(),
                pages.meetings(code), pages.actions(code), documents.list(code), attachments.of(code),
                funds.find(p.fundCode()).orElse(null), items.ofSubject(code));
    }

    /** The service project that called purchase {@code procurementCode}, if a project called it. */
    Optional<String> projectBuying(String procurementCode) {
        return projects.projectBuying(procurementCode);
    }

    /** For finance: the milestone to pay, the acceptance it rests on, and the days since against the term. */
    record PaymentFacts(Milestone milestone, long daysSinceAcceptance, int termDays, LocalDateTime deadline,
                        boolean late) {}

    Optional<PaymentFacts> payment(String code, Integer seq) {
        if (seq == null) {
            return Optional.empty();
        }
        return projects.milestones(code).stream().filter(m -> m.seq() == seq).findFirst().map(m -> {
            if (m.acceptedAt() == null) {
                return new PaymentFacts(m, 0, PaymentTerms.DEFAULT.days(), null, false);
            }
            // a purchased project pays on its contract's terms, shown by the purchase; a project of its own on the default
            PaymentTerms terms = PaymentTerms.DEFAULT;
            LocalDateTime deadline = terms.deadline(m.acceptedAt(), calendar);
            LocalDateTime now = clock.localNow();
            return new PaymentFacts(m, ChronoUnit.DAYS.between(m.acceptedAt().toLocalDate(), now.toLocalDate()),
                    terms.days(), deadline, now.isAfter(deadline));
        });
    }
}
