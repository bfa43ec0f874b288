package cn.shequ.delivery;

import static cn.shequ.delivery.DeliveryDecision.APPROVE;
import static cn.shequ.delivery.DeliveryDecision.RETURN;

import java.util.List;

/**
 * The acceptance of a reported milestone (验收): accepted with the people served taking part, and how many
 * of them (条例 art. 45: the people served take part in the acceptance of a public service), or returned for rework
 * with an opinion (required then).
 *
 * @param servedParticipants how many of the people served took part; null when the milestone is returned
 */
public record MilestoneAcceptance(String decision, String comment, Integer servedParticipants) {

    /** The fields {@link #read} reads. */
    public static final List<String> FIELDS = List.of(DeliveryDecision.DECISION, DeliveryDecision.COMMENT, "servedParticipants");

    /** Reads decision (APPROVE or RETURN), comment and, when accepted, servedParticipants (1 to 1,000,000). */
    public static MilestoneAcceptance read(DeliveryForm form, int commentMax) {
        String decision = form.choice(DeliveryDecision.DECISION, "验收结论", APPROVE, RETURN);
        String comment = form.text(DeliveryDecision.COMMENT, "验收意见", commentMax, RETURN.equals(decision));
        Integer served = APPROVE.equals(decision)
                ? form.integer("servedParticipants", "参与验收的服务对象人数（条例第四十五条）", 1, 1_000_000) : null;
        form.refuseIfInvalid();
        return new MilestoneAcceptance(decision, comment, served);
    }

    public boolean accepted() {
        return APPROVE.equals(decision);
    }
}
