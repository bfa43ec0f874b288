package cn.shequ.project;

import static cn.shequ.project.ServiceProjectProcess.Tasks.AUDIT_REVIEW;
import static cn.shequ.project.ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW;
import static cn.shequ.project.ServiceProjectProcess.Tasks.FINANCE_REVIEW;
import static cn.shequ.project.ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW;

import cn.shequ.delivery.PaymentApproval;
import cn.shequ.refusal.Refusal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties (DOMAIN-RULES "Segregation of duties"), checked whenever a task is
 * completed, through the API or in Tasklist alike. A refusal leaves the task open and names the rule.
 */
@Component
class DutySegregation {

    private static final Set<String> REVIEWS = Set.of(STREET_OFFICE_REVIEW, CIVIL_AFFAIRS_REVIEW, FINANCE_REVIEW);
    private static final Set<String> PROPOSER_BARRED = Set.of(STREET_OFFICE_REVIEW, CIVIL_AFFAIRS_REVIEW, FINANCE_REVIEW,
            ServiceProjectProcess.Tasks.APPROVE_PAYMENT, AUDIT_REVIEW);

    private final ProjectActionMapper actions;
    private final PurchaseActions purchases;

    DutySegregation(ProjectActionMapper actions, PurchaseActions purchases) {
        this.actions = actions;
        this.purchases = purchases;
    }

    void check(Project project, String taskKey, String actor, Milestone milestone) {
        if (PROPOSER_BARRED.contains(taskKey) && actor.equals(project.author())) {
            throw refuse("SOD_PROPOSER", "项目申报人不得审核、审批资金、审批拨付或审计本项目 / the proposer may not review, "
                    + "approve funds or payments, or audit this project");
        }
        // what the actor did on the project before: read only for the steps whose rule depends on it
        List<String> done = REVIEWS.contains(taskKey) || AUDIT_REVIEW.equals(taskKey)
                ? actions.taskKeysDoneBy(project.code(), actor) : List.of();
        if (REVIEWS.contains(taskKey) && done.stream().anyMatch(k -> REVIEWS.contains(k) && !k.equals(taskKey))) {
            throw refuse("SOD_REVIEWER", "同一人对同一项目只能承担街道审核、民政审核、财政审核中的一项 / one person completes at most "
                    + "one of the street office, civil affairs and finance reviews of a project");
        }
        if (ServiceProjectProcess.Tasks.APPROVE_PAYMENT.equals(taskKey) && milestone != null) {
            PaymentApproval.requireSegregation(actor, milestone.reportedBy(), milestone.acceptedBy(),
                    PaymentApproval.Kind.DISBURSEMENT);
        }
        // the steps of the project's purchase are the project's too: its requirement, method, committee, contract
        if (AUDIT_REVIEW.equals(taskKey) && (done.stream().anyMatch(k -> !AUDIT_REVIEW.equals(k))
                || !purchases.taskKeysDoneBy(project.code(), actor).isEmpty())) {
            throw refuse("SOD_AUDITOR", "审计人员参与过本项目其他环节（含本项目的政府购买服务），不得审计本项目 / an auditor who did "
                    + "another task on this project, its purchase included, may not audit it");
        }
    }

    private static Refusal refuse(String code, String message) {
        return Refusal.forbidden(code, "职责分离：" + message);
    }
}
