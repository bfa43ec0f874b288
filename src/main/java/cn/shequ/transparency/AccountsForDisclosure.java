package cn.shequ.transparency;

import cn.shequ.reports.DisclosedAccounts;
import cn.shequ.reports.DisclosurePeriod;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The community's accounts (社区服务收支) in its quarterly 居务公开: the same figures as the public
 * page and the API, from {@link CommunityAccounts}, for the days of the disclosed period.
 */
@Component
class AccountsForDisclosure implements DisclosedAccounts {

    private final CommunityAccounts accounts;

    AccountsForDisclosure(CommunityAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<List<Line>> lines(String communityCode, DisclosurePeriod period) {
        if (accounts.community(communityCode).isEmpty()) {
            return Optional.empty();
        }
        CommunityAccounts.Accounts a = accounts.of(communityCode, period.start(), period.end());
        return Optional.of(List.of(
                new Line("收入：为本社区项目预留的资金", a.received().reservedForProjects()),
                new Line("收入：居民筹资", a.received().raisedFromResidents()),
                new Line("收入合计", a.received().total()),
                new Line("支出：已拨付", a.spent().disbursed()),
                new Line("退回资金（释放的预留）", a.released()),
                new Line("期末已预留未拨付", a.reservedNotPaid())));
    }
}
