package cn.shequ.project;

import java.math.BigDecimal;

/**
 * Published (synchronously, in the engine's transaction) when a project's final acceptance is
 * settled: a purchase that delivered it puts the grade onto its provider's performance record.
 */
public record ProjectSettled(String projectCode, String deliveryMode, BigDecimal score, String grade) {

    /** Whether the project was delivered through a purchase: only then did service-project.bpmn call one (its mode gateway). */
    public boolean purchased() {
        return ServiceProjectProcess.DeliveryMode.PURCHASE.equals(deliveryMode);
    }
}
