package cn.shequ.procurement;

import cn.shequ.calendar.CalendarYearMissingException;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.procurement.bidding.BidPeriods;
import cn.shequ.procurement.bidding.Bids;
import cn.shequ.procurement.requirement.ProcurementRequest;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo purchase open for bids (default profile): on a database with no procurement yet, street1
 * states a small purchase on its own fund, publishes the notice with the shortest bid period the
 * law allows, and provider1 and provider2 bid — through the same services and rules as everybody —
 * so that a newcomer finds it on the public pages, can bid as provider3, and can move the demo
 * clock past the deadline to go on with the committee and the scores.
 */
@Component
@ConditionalOnProperty(name = {"shequ.demo.enabled", "shequ.demo.open-purchase"}, havingValue = "true")
class DemoPurchase implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPurchase.class);

    private final ProcurementService procurements;
    private final Bids bids;
    private final BidPeriods periods;
    private final ShequClock clock;
    private final CurrentUsers users;
    private final TransactionTemplate transactions;

    DemoPurchase(ProcurementService procurements, Bids bids, BidPeriods periods, ShequClock clock, CurrentUsers users,
                 PlatformTransactionManager transactionManager) {
        this.procurements = procurements;
        this.bids = bids;
        this.periods = periods;
        this.clock = clock;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!procurements.search(null).isEmpty()) {
            return;
        }
        LocalDate today = clock.today();
        LocalDateTime deadline;
        try {
            // the deadline first: without a calendar for its days nothing is created, not half a purchase
            deadline = ProcurementDeadlines.endOf(periods.earliestDeadline(ProcurementMethod.METHOD_SMALL_PURCHASE, today));
        } catch (CalendarYearMissingException e) {
            log.warn("No demo purchase: its bid deadline is counted in working days, and {}", e.getMessage());
            return;
        }
        // all or nothing: a demo purchase half made (reserved, no notice) would never be made again
        transactions.executeWithoutResult(status -> open(deadline));
    }

    private void open(LocalDateTime deadline) {
        Procurement created = users.actAs("street1", user -> procurements.create(new ProcurementRequest("金霞街道社区便民服务",
                "CONVENIENCE", new BigDecimal("600000.00"), "F2026-PURCHASE", 12, null, new BigDecimal("30"), null, null, null),
                user));
        String code = created.code();
        users.actAs("street1", user -> {
            procurements.completeOpenTask(created, PurchaseProcess.Tasks.PUBLISH_NOTICE, user,
                    new HashMap<>(Map.of(PurchaseProcess.Vars.BID_DEADLINE, deadline.toString())));
            return null;
        });
        users.actAs("provider1", user -> bids.submit(code, new Bids.BidRequest(new BigDecimal("568000.00"),
                "社区便民服务方案：家电维修、理发、代缴代办每周两次进社区，设便民服务热线。"), user));
        users.actAs("provider2", user -> bids.submit(code, new Bids.BidRequest(new BigDecimal("585000.00"),
                "社区便民服务方案：便民服务站每日开放，上门维修与代购代办，服务对象满意度回访。"), user));
        log.info("Demo purchase {} ({}) open for bids until {}, with bids of provider1 and provider2; provider3 may still bid",
                code, created.method(), deadline);
    }
}
