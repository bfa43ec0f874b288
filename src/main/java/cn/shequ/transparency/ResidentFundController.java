package cn.shequ.transparency;

import cn.shequ.fund.Fund;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUsers;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 筹资筹劳 over HTTP (docs/api-additions.md): the committee records the residents' meeting decision,
 * then opens the fund from it. Reading the decisions is open to every logged-in user; the funds'
 * accounts are public with the community's.
 */
@RestController
class ResidentFundController {

    private final ResidentFunds funds;
    private final CurrentUsers users;

    ResidentFundController(ResidentFunds funds, CurrentUsers users) {
        this.funds = funds;
        this.users = users;
    }

    @PostMapping("/api/communities/{code}/fundraising-decisions")
    @ResponseStatus(HttpStatus.CREATED)
    ResidentFunds.Recorded record(@PathVariable String code, @RequestBody ResidentFunds.DecisionRequest request) {
        return funds.recordDecision(code, request, users.current());
    }

    record DecisionView(long id, String communityCode, String purpose, String category, String amount, String kind,
                        String mode, int eligible, int present, int yes, int no, int abstain, java.time.LocalDate heldOn,
                        String minutes, String outcome, String fundCode) {}

    @GetMapping({"/api/communities/{code}/fundraising-decisions", "/public/communities/{code}/fundraising-decisions"})
    List<DecisionView> decisions(@PathVariable String code) {
        return funds.decisions(code).stream().map(d -> new DecisionView(d.id(), d.communityCode(), d.purpose(), d.category(),
                Money.format(d.amount()), d.kind(), d.mode(), d.eligible(), d.present(), d.yesVotes(), d.noVotes(),
                d.abstentions(), d.heldOn(), d.minutes(), d.outcome(), d.fundCode())).toList();
    }

    record OpenedFund(String code, String name, String source, int fiscalYear, String total, String available) {}

    @PostMapping("/api/resident-funds")
    @ResponseStatus(HttpStatus.CREATED)
    OpenedFund open(@RequestBody ResidentFunds.OpenRequest request) {
        Fund fund = funds.open(request, users.current());
        return new OpenedFund(fund.code(), fund.name(), fund.source(), fund.fiscalYear(), Money.format(fund.total()),
                Money.format(fund.available()));
    }
}
