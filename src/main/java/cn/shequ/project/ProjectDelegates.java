package cn.shequ.project;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.delivery.PerformanceGrading;
import cn.shequ.document.DisclosureNotice;
import cn.shequ.engine.EngineDecisions;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.fund.MilestonePayments;
import cn.shequ.fund.PaymentTerms;
import cn.shequ.identity.CurrentUser;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.rules.Decisions;
import cn.shequ.task.WorkItems;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and listeners of service-project: each reads the project code, calls one
 * service, and sets at most a few small variables.
 */
@Configuration
class ProjectDelegates {

    private static final String OVERDUE_SUFFIX = "-overdue";

    /** approval-authority (DMN): which reviews the amount and category need. */
    @Bean(ServiceProjectProcess.Beans.DECIDE_APPROVAL_AUTHORITY)
    JavaDelegate decideApprovalAuthority(ProjectMapper projects, EngineDecisions decisions) {
        return execution -> {
            Project project = projects.find(code(execution)).orElseThrow();
            Map<String, Object> result = decisions.evaluate(Decisions.ApprovalAuthority.ID, Map.of(
                    Decisions.ApprovalAuthority.AMOUNT, project.amount().doubleValue(),
                    Decisions.ApprovalAuthority.CATEGORY, project.category()));
            execution.setVariable(Vars.STREET_OFFICE_REVIEW, Boolean.TRUE.equals(result.get(Decisions.ApprovalAuthority.STREET_OFFICE_REVIEW)));
            execution.setVariable(Vars.CIVIL_AFFAIRS_REVIEW, Boolean.TRUE.equals(result.get(Decisions.ApprovalAuthority.CIVIL_AFFAIRS_REVIEW)));
        };
    }

    /** A review passed its due date: flag its task in every task list and record the escalation. */
    @Bean(ServiceProjectProcess.Beans.ESCALATE_OVERDUE_REVIEW)
    JavaDelegate escalateOverdueReview(WorkItems workItems, ProjectActionMapper actions, ShequClock clock, AuditLog audit) {
        return execution -> {
            String activity = execution.getCurrentActivityId();
            String taskKey = activity.endsWith(OVERDUE_SUFFIX)
                    ? activity.substring(0, activity.length() - OVERDUE_SUFFIX.length()) : activity;
            workItems.escalate(code(execution), taskKey);
            String comment = "审核逾期（超过规定工作日），已督办 / review overdue, escalated";
            actions.insert(code(execution), taskKey, null, CurrentUser.SYSTEM, "ESCALATED", comment, clock.localNow());
            audit.append(AuditEvent.of(AuditEvent.SYSTEM, "REVIEW_ESCALATED").subject(code(execution))
                    .task(taskKey, "ESCALATED", comment));
        };
    }

    /** Pays the milestone once, whatever the number of retries (asyncBefore: a failure becomes an incident). */
    @Bean(ServiceProjectProcess.Beans.DISBURSE_PAYMENT)
    JavaDelegate disburseMilestonePayment(ProjectMapper projects, MilestonePayments payments, ShequClock clock,
                                          ProjectDocuments documents) {
        return execution -> {
            String code = code(execution);
            int seq = ((Number) execution.getVariable(Vars.MILESTONE_SEQ)).intValue();
            Project project = projects.lock(code).orElseThrow();
            Milestone milestone = projects.milestone(code, seq).orElseThrow();
            boolean alreadyPaid = payments.find(code, seq).isPresent();
            if (!alreadyPaid && Milestone.PAID.equals(milestone.status())) {
                // settled at 0.00 by an administrator, without a ledger line (ZeroMilestoneSettlement)
                return;
            }
            // the terms of the contract the project bought its service with; without one the regulation's 30 days, 0.05% a day
            PaymentTerms terms = projects.contractTerms(code).orElse(PaymentTerms.DEFAULT);
            MilestonePayments.Payment payment = payments.pay(code, seq, project.fundCode(), milestone.amount(),
                    milestone.acceptedAt(), terms, milestone.approvedBy());
            if (!alreadyPaid) {
                projects.setMoney(code, project.reservedAmount(), project.disbursedAmount().add(payment.amount()),
                        clock.localNow());
                projects.setMilestoneStatus(code, seq, Milestone.PAID);
                documents.paymentVoucher(project, milestone, payment);
            }
        };
    }

    /** Final acceptance settled: the grade by performance-grade (DMN) and the unused reservation released. */
    @Bean(ServiceProjectProcess.Beans.SETTLE_PROJECT)
    JavaDelegate settleProject(ProjectMapper projects, PerformanceGrading grading, FundLedger funds, ShequClock clock,
                               ProjectDocuments documents, ApplicationEventPublisher events) {
        return execution -> {
            String code = code(execution);
            Project project = projects.lock(code).orElseThrow();
            // final acceptance, just before in this transaction, graded its total with the scores (FinalAcceptanceStep);
            // an instance moved here by hand without it is graded here
            String grade = project.grade();
            if (grade == null) {
                grade = grading.grade(project.score());
                projects.setGrade(code, grade);
            }
            releaseUnused(project, projects, funds, clock);
            documents.performanceReport(projects.find(code).orElseThrow(), projects.scores(code), grade, AuditEvent.SYSTEM);
            events.publishEvent(new ProjectSettled(code, project.deliveryMode(), project.score(), grade));
        };
    }

    /** A purchase that bought nothing (cancelled, method refused): the reservation returns to the fund. */
    @Bean(ServiceProjectProcess.Beans.RELEASE_RESERVATION)
    JavaDelegate releaseProjectReservation(ProjectMapper projects, FundLedger funds, ShequClock clock) {
        return execution -> releaseUnused(projects.lock(code(execution)).orElseThrow(), projects, funds, clock);
    }

    /** What was reserved and not disbursed returns to the fund (RELEASE). */
    private static void releaseUnused(Project project, ProjectMapper projects, FundLedger funds, ShequClock clock) {
        BigDecimal unused = project.reservedAmount().subtract(project.disbursedAmount());
        if (unused.signum() > 0) {
            funds.release(project.fundCode(), unused, project.code(), CurrentUser.SYSTEM);
            projects.setMoney(project.code(), project.disbursedAmount(), project.disbursedAmount(), clock.localNow());
        }
    }

    @Bean(ServiceProjectProcess.Beans.PUBLISH_DISCLOSURE)
    JavaDelegate publishDisclosure(Disclosures disclosures, ProjectMapper projects, MilestonePayments milestonePayments,
                                   ProjectDocuments documents) {
        return execution -> {
            String code = code(execution);
            disclosures.publish(code, Disclosures.FINAL);
            Map<Integer, MilestonePayments.Payment> payments = milestonePayments.paid(code);
            List<DisclosureNotice.Entry> paid = projects.milestones(code).stream()
                    .flatMap(m -> java.util.Optional.ofNullable(payments.get(m.seq())).stream()
                            .map(p -> new DisclosureNotice.Entry(m.name(), p.paidAt().toLocalDate(), p.amount())))
                    .toList();
            documents.disclosureNotice(projects.find(code).orElseThrow(), paid);
        };
    }

    /** The status an element stands for when the process reaches it. */
    @Bean(ServiceProjectProcess.Beans.STATUS_LISTENER)
    ExecutionListener projectStatusListener(ProjectMapper projects, ShequClock clock) {
        Map<String, ProjectStatus> statuses = Map.of(
                ServiceProjectProcess.Elements.PURCHASE_SERVICE, ProjectStatus.IN_PROCUREMENT,
                ServiceProjectProcess.Elements.ENDED_PURCHASE_FAILED, ProjectStatus.PURCHASE_FAILED,
                ServiceProjectProcess.Elements.ENDED_CLOSED, ProjectStatus.CLOSED,
                ServiceProjectProcess.Elements.ENDED_REJECTED, ProjectStatus.REJECTED,
                ServiceProjectProcess.Elements.ENDED_REJECTED_BY_RESIDENTS, ProjectStatus.REJECTED_BY_RESIDENTS,
                ServiceProjectProcess.Elements.ENDED_NO_QUORUM, ProjectStatus.WITHDRAWN,
                ServiceProjectProcess.Elements.WITHDRAWN, ProjectStatus.WITHDRAWN);
        return execution -> {
            ProjectStatus status = statuses.get(execution.getCurrentActivityId());
            if (status != null) {
                projects.setStatus(code(execution), status.name(), clock.localNow());
            }
        };
    }

    private static String code(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PROJECT_CODE);
    }
}
