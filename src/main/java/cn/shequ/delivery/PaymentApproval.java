package cn.shequ.delivery;

import static cn.shequ.delivery.DeliveryDecision.APPROVE;
import static cn.shequ.delivery.DeliveryDecision.RETURN;

import cn.shequ.refusal.Refusal;
import java.util.List;

/**
 * Finance's approval of an accepted milestone's payment (disbursed next by the process), or its return with an
 * opinion; and the segregation of duties it is under (DOMAIN-RULES "Segregation of duties", payments): whoever
 * reported or accepted the milestone does not approve its payment.
 * The process checks the rest of who may (finance only; never the proposer or the purchaser).
 */
public record PaymentApproval(String decision, String comment) {

    /** The fields {@link #read} reads. */
    public static final List<String> FIELDS = List.of(DeliveryDecision.DECISION, DeliveryDecision.COMMENT);

    /** How each process words its payment: a project's disbursement from the fund, a contract's payment. */
    public enum Kind {
        /** A service project's milestone: 拨付 from the community's fund. */
        DISBURSEMENT("拨付意见", "审批拨付的人不得是该里程碑的报告人或验收人"),
        /** A purchased contract's milestone: 付款 to the provider. */
        CONTRACT_PAYMENT("付款意见", "审批付款的人不得是报告或验收该里程碑的人");

        private final String decisionLabel;
        private final String segregation;

        Kind(String decisionLabel, String segregation) {
            this.decisionLabel = decisionLabel;
            this.segregation = segregation;
        }
    }

    /** Refuses (SOD_PAYMENT) when {@code approver} reported or accepted the milestone. */
    public static void requireSegregation(String approver, String reportedBy, String acceptedBy, Kind kind) {
        if (approver.equals(reportedBy) || approver.equals(acceptedBy)) {
            throw Refusal.forbidden("SOD_PAYMENT", "职责分离：" + kind.segregation
                    + " / the payment approver may not have reported or accepted that milestone");
        }
    }

    /** Reads decision (APPROVE or RETURN) and comment (required when returned). */
    public static PaymentApproval read(DeliveryForm form, Kind kind, int commentMax) {
        String decision = form.choice(DeliveryDecision.DECISION, kind.decisionLabel, APPROVE, RETURN);
        String comment = form.text(DeliveryDecision.COMMENT, "意见说明", commentMax, RETURN.equals(decision));
        form.refuseIfInvalid();
        return new PaymentApproval(decision, comment);
    }

    public boolean approved() {
        return APPROVE.equals(decision);
    }
}
