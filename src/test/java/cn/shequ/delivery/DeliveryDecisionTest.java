package cn.shequ.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.refusal.Refusal;
import cn.shequ.rules.PerformanceWeights;
import cn.shequ.task.TaskInput;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The delivery rules both processes call (ADR 0052): their decision fields and values are the processes'
 * (which route on them), a payment approver who reported or accepted the milestone is refused in each
 * process's words, and a final evaluation reads its scores against the configured points.
 */
class DeliveryDecisionTest {

    @Test
    void theDecisionFieldsAndValuesAreThoseBothProcessesRouteOn() {
        assertThat(DeliveryDecision.DECISION).isEqualTo(ServiceProjectProcess.Vars.DECISION).isEqualTo(PurchaseProcess.Vars.DECISION);
        assertThat(DeliveryDecision.COMMENT).isEqualTo(ServiceProjectProcess.Vars.COMMENT);
        assertThat(DeliveryDecision.APPROVE).isEqualTo(ServiceProjectProcess.Decision.APPROVE).isEqualTo(PurchaseProcess.Decision.APPROVE);
        assertThat(DeliveryDecision.RETURN).isEqualTo(ServiceProjectProcess.Decision.RETURN).isEqualTo(PurchaseProcess.Decision.RETURN);
    }

    @Test
    void whoReportedOrAcceptedTheMilestoneDoesNotApproveItsPayment() {
        assertThatThrownBy(() -> PaymentApproval.requireSegregation("finance1", "finance1", "committee1",
                PaymentApproval.Kind.DISBURSEMENT)).isInstanceOf(Refusal.class)
                .hasMessage("职责分离：审批拨付的人不得是该里程碑的报告人或验收人 / the payment approver may not have reported "
                        + "or accepted that milestone");
        assertThatThrownBy(() -> PaymentApproval.requireSegregation("finance1", "provider1", "finance1",
                PaymentApproval.Kind.CONTRACT_PAYMENT)).isInstanceOf(Refusal.class)
                .hasMessage("职责分离：审批付款的人不得是报告或验收该里程碑的人 / the payment approver may not have reported "
                        + "or accepted that milestone");
        assertThat(refusal(() -> PaymentApproval.requireSegregation("finance1", "provider1", "finance1",
                PaymentApproval.Kind.DISBURSEMENT)).code()).isEqualTo("SOD_PAYMENT");
        PaymentApproval.requireSegregation("finance2", "provider1", "finance1", PaymentApproval.Kind.CONTRACT_PAYMENT);
        PaymentApproval.requireSegregation("finance2", null, null, PaymentApproval.Kind.DISBURSEMENT);
    }

    @Test
    void aFinalEvaluationReadsEachScoreAgainstItsPartsPoints() {
        Map<String, Object> sent = Map.of("respondents", "20", "satisfied", "18", "budgetExecution", "9.5",
                "outputs", "45", "outcomes", "27", "satisfaction", "9");
        FinalEvaluation read = FinalEvaluation.read(new TaskInput(sent::get), PerformanceWeights.DEFAULT);

        assertThat(read.scores().total()).isEqualByComparingTo(new BigDecimal("90.5"));
        assertThat(read.satisfied()).isEqualTo(18);

        Map<String, Object> over = Map.of("respondents", "20", "satisfied", "21", "budgetExecution", "11",
                "outputs", "45", "outcomes", "27", "satisfaction", "9");
        Refusal refused = refusal(() -> FinalEvaluation.read(new TaskInput(over::get), PerformanceWeights.DEFAULT));
        assertThat(refused.fields()).containsOnlyKeys("budgetExecution", "satisfied");
    }

    private static Refusal refusal(Runnable call) {
        try {
            call.run();
        } catch (Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }
}
