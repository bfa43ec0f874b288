package cn.shequ.procurement.bidding;

import static cn.shequ.procurement.ProcurementDelegates.SYSTEM;
import static cn.shequ.procurement.ProcurementDelegates.code;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.procurement.Procurement;
import cn.shequ.procurement.ProcurementMapper;
import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.procurement.PurchaseProcess.Vars;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service task of purchase-of-service that closes the bidding at its deadline. */
@Configuration
class BiddingDelegates {

    /** At the bid deadline: which bids qualify, and whether there are enough (采购法 art. 36). */
    @Bean(PurchaseProcess.Beans.CLOSE_BIDDING)
    JavaDelegate closeBidding(ProcurementMapper procurements, Bids bids, AuditLog audit) {
        return execution -> {
            Procurement p = procurements.lock(code(execution)).orElseThrow();
            int qualified = bids.close(p);
            int minimum = Bids.minimum(p.method());
            execution.setVariable(Vars.ENOUGH_BIDS, qualified >= minimum);
            audit.append(AuditEvent.of(SYSTEM, "BIDDING_CLOSED").subject(p.code()).detail("tenderRound", p.tenderRound())
                    .detail("bids", bids.of(p.code()).size()).detail("qualified", qualified).detail("minimum", minimum)
                    .detail("failed", qualified < minimum));
        };
    }
}
