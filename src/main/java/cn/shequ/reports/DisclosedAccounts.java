package cn.shequ.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A community's accounts (社区服务收支) for a period, as the periodic disclosure prints them. The
 * accounts themselves are the transparency work of issue 14 (cn.shequ.transparency.CommunityAccounts,
 * built on another branch); until a bean of this interface exists the disclosure says that its accounts
 * are published separately and prints no figures of its own (docs/reports.md).
 */
public interface DisclosedAccounts {

    /** One line of the accounts: what (收入/支出/已预留未拨付 …) and how much. */
    record Line(String item, BigDecimal amount) {}

    /** The lines of {@code communityCode}'s accounts for the period, or empty when none are kept. */
    Optional<List<Line>> lines(String communityCode, DisclosurePeriod period);
}
