package cn.shequ.fund;

import cn.shequ.engine.ShequClock;
import cn.shequ.refusal.Refusal;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/funds} and a fund's ledger (API.md "Funds"). Money is returned as strings. */
@RestController
class FundController {

    private final FundLedger ledger;

    FundController(FundLedger ledger) {
        this.ledger = ledger;
    }

    record FundView(String code, String name, String source, int fiscalYear, List<String> categories,
                    String total, String reserved, String disbursed, String available) {}

    record EntryView(long seq, String type, String amount, String projectCode, Integer milestoneSeq,
                     OffsetDateTime at, String actor, String availableAfter) {}

    @GetMapping("/api/funds")
    List<FundView> funds() {
        return ledger.all().stream().map(this::view).toList();
    }

    @GetMapping("/api/funds/{code}")
    FundView fund(@PathVariable String code) {
        return ledger.find(code).map(this::view).orElseThrow(() -> Refusal.notFound("资金", code));
    }

    @GetMapping("/api/funds/{code}/ledger")
    List<EntryView> entries(@PathVariable String code) {
        ledger.find(code).orElseThrow(() -> Refusal.notFound("资金", code));
        return ledger.ledger(code).stream()
                .map(e -> new EntryView(e.seq(), e.entryType(), money(e.amount()), e.projectCode(), e.milestoneSeq(),
                        e.at().atZone(ShequClock.ZONE).toOffsetDateTime(), e.actor(),
                        money(e.availableAfter())))
                .toList();
    }

    private FundView view(Fund f) {
        List<String> categories = f.allCategories() ? List.of("*") : ledger.categories(f.code());
        return new FundView(f.code(), f.name(), f.source(), f.fiscalYear(), categories, money(f.total()),
                money(f.reserved()), money(f.disbursed()), money(f.available()));
    }

    private static String money(BigDecimal amount) {
        return Money.format(amount);
    }
}
