package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.refusal.Refusal;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Segregation of duties at its edges, and which steps read what the actor did before: only the reviews and the
 * audit, whose rules depend on it (the other steps' rules are on the project and the milestone in hand).
 */
class DutySegregationTest {

    final Project project = new Project("SP-2026-0099", "助浴", "ELDERLY_CARE", "C001", "老人", "助浴", new BigDecimal("100.00"),
            "F2026-CITY", "SELF", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), "IN_REVIEW", "committee1", null,
            BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null, LocalDateTime.now(), LocalDateTime.now());

    /** Task keys each actor completed on the project, as project_action holds them. */
    final Map<String, List<String>> done = new java.util.HashMap<>();
    final Map<String, List<String>> purchaseSteps = new java.util.HashMap<>();
    final List<String> reads = new ArrayList<>();

    final DutySegregation duties = new DutySegregation(actions(), (code, actor) -> {
        reads.add("purchase:" + actor);
        return purchaseSteps.getOrDefault(actor, List.of());
    });

    private ProjectActionMapper actions() {
        return (ProjectActionMapper) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ProjectActionMapper.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("taskKeysDoneBy")) {
                        reads.add("project:" + args[1]);
                        return done.getOrDefault((String) args[1], List.of());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aReviewerWhoDidAnotherReviewIsRefusedAndTheSameReviewAgainIsNot() {
        done.put("street1", List.of(Tasks.STREET_OFFICE_REVIEW));
        assertThatThrownBy(() -> duties.check(project, Tasks.FINANCE_REVIEW, "street1", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("职责分离");
        duties.check(project, Tasks.STREET_OFFICE_REVIEW, "street1", null);
        assertThat(reads).containsExactly("project:street1", "project:street1");
    }

    @Test
    void eachOfTheThreeReviewsRefusesWhoeverDidOneOfTheOthers() {
        done.put("finance1", List.of(Tasks.FINANCE_REVIEW));
        done.put("civil1", List.of(Tasks.CIVIL_AFFAIRS_REVIEW));
        assertThatThrownBy(() -> duties.check(project, Tasks.STREET_OFFICE_REVIEW, "finance1", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("职责分离");
        assertThatThrownBy(() -> duties.check(project, Tasks.CIVIL_AFFAIRS_REVIEW, "finance1", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("职责分离");
        assertThatThrownBy(() -> duties.check(project, Tasks.FINANCE_REVIEW, "civil1", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("职责分离");
    }

    @Test
    void thePaymentApproverMayNotHaveReportedOrAcceptedTheMilestoneAndReadsNothing() {
        Milestone milestone = new Milestone("SP-2026-0099", 1, "第一期", 40, new BigDecimal("40.00"), Milestone.PENDING,
                "已完成", "签到表", "committee2", LocalDateTime.now(), "committee3", LocalDateTime.now(), 30, null, null);
        assertThatThrownBy(() -> duties.check(project, Tasks.APPROVE_PAYMENT, "committee2", milestone))
                .isInstanceOf(Refusal.class).hasMessageContaining("职责分离");
        assertThatThrownBy(() -> duties.check(project, Tasks.APPROVE_PAYMENT, "committee3", milestone))
                .isInstanceOf(Refusal.class).hasMessageContaining("职责分离");
        duties.check(project, Tasks.APPROVE_PAYMENT, "finance2", milestone);
        assertThat(reads).isEmpty();
    }

    @Test
    void anAuditorWhoDidAnyOtherTaskOfTheProjectOrItsPurchaseIsRefused() {
        done.put("auditor1", List.of(Tasks.ACCEPT_MILESTONE));
        assertThatThrownBy(() -> duties.check(project, Tasks.AUDIT_REVIEW, "auditor1", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("审计人员");
        purchaseSteps.put("auditor2", List.of(PurchaseProcess.Tasks.APPROVE_METHOD));
        assertThatThrownBy(() -> duties.check(project, Tasks.AUDIT_REVIEW, "auditor2", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("审计人员");
        duties.check(project, Tasks.AUDIT_REVIEW, "auditor3", null);
    }

    @Test
    void theProposerIsRefusedWithoutAnyRead() {
        assertThatThrownBy(() -> duties.check(project, Tasks.FINANCE_REVIEW, "committee1", null))
                .isInstanceOf(Refusal.class).hasMessageContaining("项目申报人");
        assertThat(reads).isEmpty();
    }

    @Test
    void stepsWhoseRulesDoNotDependOnEarlierTasksReadNone() {
        // even an actor who did every review may report, accept and approve a payment (the milestone's own rule decides)
        done.put("committee2", List.of(Tasks.STREET_OFFICE_REVIEW, Tasks.FINANCE_REVIEW));
        for (String step : List.of(Tasks.PREPARE_PROPOSAL, Tasks.RECORD_RESIDENT_MEETING, Tasks.REPORT_MILESTONE,
                Tasks.ACCEPT_MILESTONE, Tasks.APPROVE_PAYMENT, Tasks.FINAL_ACCEPTANCE, Tasks.RECTIFY)) {
            duties.check(project, step, "committee2", null);
        }
        assertThat(reads).isEmpty();
    }
}
