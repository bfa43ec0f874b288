package cn.shequ.transparency;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's accounts (社区服务收支): {@code GET /api/communities/{code}/accounts} for the logged-in
 * and the same at {@code /public/communities/{code}/accounts} without login (居委会法 art. 16), with
 * the list of streets and communities the public site chooses from.
 */
@RestController
class CommunityAccountsController {

    private final CommunityAccounts accounts;

    CommunityAccountsController(CommunityAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping({"/public/communities", "/api/communities"})
    List<CommunityAccounts.Community> communities() {
        return accounts.communities();
    }

    @GetMapping({"/api/communities/{code}/accounts", "/public/communities/{code}/accounts"})
    CommunityAccounts.Accounts accounts(@PathVariable String code, @RequestParam(required = false) String year,
                                        @RequestParam(required = false) String quarter,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        AccountsPeriod period = AccountsPeriod.parse(year, quarter, from, to, accounts.today());
        return accounts.of(code, period.from(), period.to());
    }
}
