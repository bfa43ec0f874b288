package cn.shequ.demo;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.engine.ShequClock;
import cn.shequ.fund.FundLedger;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.Community;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.DemoSeed;
import cn.shequ.identity.Groups;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.provider.CreditCode;
import cn.shequ.provider.Provider;
import cn.shequ.provider.ProviderMapper;
import cn.shequ.provider.ProviderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo district, street office, communities, funds, providers and users of API.md
 * (password {@value #PASSWORD} for everybody). Each piece is created only when absent, so a
 * restart never duplicates it. Used in the default profile only: {@code cn.shequ.identity.IdentityBootstrap}
 * seeds it once the groups exist.
 */
@Component
class DemoData implements DemoSeed {

    private final EngineIdentity identity;
    private final OrganisationMapper organisations;
    private final FundLedger funds;
    private final ProviderMapper providers;
    private final ShequClock clock;
    private final String referenceDate;
    private final String purchaseFundTotal;

    /**
     * @param referenceDate the day the providers' certification dates are counted from ("certified a year ago");
     *                      blank for today. Tests that pin the clock to dates of 2026 set it, so that whether
     *                      provider3 is certified does not depend on the day the tests run.
     * @param purchaseFundTotal what the street's purchasing fund F2026-PURCHASE is allocated (¥20,000,000.00); the
     *                          integration tests, which share one application and spend from it purchase after
     *                          purchase, give it more
     */
    DemoData(EngineIdentity identity, OrganisationMapper organisations, FundLedger funds, ProviderMapper providers,
             ShequClock clock, @Value("${shequ.demo.reference-date:}") String referenceDate,
             @Value("${shequ.demo.purchase-fund-total:20000000.00}") String purchaseFundTotal) {
        this.identity = identity;
        this.organisations = organisations;
        this.funds = funds;
        this.providers = providers;
        this.clock = clock;
        this.referenceDate = referenceDate;
        this.purchaseFundTotal = purchaseFundTotal;
    }

    @Override
    public void seed() {
        places();
        funds();
        user("committee1", "张", "丽", List.of(Groups.COMMITTEE), "C001", "S01", null, null);
        user("committee2", "王", "芳", List.of(Groups.COMMITTEE), "C001", "S01", null, null);
        user("committee3", "李", "娜", List.of(Groups.COMMITTEE), "C002", "S01", null, null);
        user("street1", "刘", "强", List.of(Groups.STREET_OFFICE), null, "S01", "D01", null);
        user("street2", "陈", "伟", List.of(Groups.STREET_OFFICE), null, "S01", "D01", null);
        user("civil1", "杨", "洋", List.of(Groups.CIVIL_AFFAIRS), null, null, "D01", null);
        user("civil2", "赵", "敏", List.of(Groups.CIVIL_AFFAIRS), null, null, "D01", null);
        user("finance1", "黄", "磊", List.of(Groups.FINANCE), null, null, "D01", null);
        user("finance2", "周", "杰", List.of(Groups.FINANCE), null, null, "D01", null);
        user("dual1", "吴", "刚", List.of(Groups.STREET_OFFICE, Groups.FINANCE), null, "S01", "D01", null);
        user("auditor1", "徐", "静", List.of(Groups.AUDITOR), null, null, "D01", null);
        user("auditor2", "孙", "浩", List.of(Groups.AUDITOR), null, null, "D01", null);
        LocalDate today = referenceDate.isBlank() ? clock.today() : LocalDate.parse(referenceDate);
        user("provider1", "何", "琳", List.of(Groups.PROVIDER), null, null, null,
                provider("汕头市龙湖区东湖社会工作服务中心", "SOCIAL_ORGANISATION", "52440507MJL00001", today.minusYears(1),
                        ProviderStatus.CERTIFIED));
        user("provider2", "郭", "峰", List.of(Groups.PROVIDER), null, null, null,
                provider("汕头市阳光居家养老服务有限公司", "ENTERPRISE", "91440507MA4UL002", today.minusYears(2),
                        ProviderStatus.CERTIFIED));
        user("provider3", "马", "超", List.of(Groups.PROVIDER), null, null, null,
                provider("汕头市龙湖区助残服务社", "SOCIAL_ORGANISATION", "52440507MJL00003", today.minusMonths(6),
                        ProviderStatus.CERTIFIED));
        // provider4's certification ran out: its three-year validity ended yesterday
        user("provider4", "罗", "斌", List.of(Groups.PROVIDER), null, null, null,
                provider("汕头市便民家政服务有限公司", "ENTERPRISE", "91440507MA4UL004", today.minusYears(3).minusDays(1),
                        ProviderStatus.EXPIRED));
        for (int i = 1; i <= 7; i++) {
            user("expert" + i, "评审专家", String.valueOf(i), List.of(Groups.EVALUATION_EXPERT), null, null, null, null);
        }
        user("admin", "系统", "管理员", List.of(Groups.ADMIN, Groups.CAMUNDA_ADMIN), null, null, null, null);
    }

    private void places() {
        if (organisations.countDistrict("D01") == 0) {
            organisations.insertDistrict("D01", "龙湖区");
        }
        if (organisations.countStreet("S01") == 0) {
            organisations.insertStreet("S01", "金霞街道办事处", "D01");
        }
        if (organisations.findCommunity("C001").isEmpty()) {
            organisations.insertCommunity(new Community("C001", "东湖社区", "东湖居", "S01"));
        }
        if (organisations.findCommunity("C002").isEmpty()) {
            organisations.insertCommunity(new Community("C002", "西园社区", "西园居", "S01"));
        }
    }

    private void funds() {
        fund("F2026-CITY", "市级社区公共服务专项资金", "市财政预算", null, "500000.00", List.of());
        fund("F2026-ELDER", "居家养老服务专项资金", "福利彩票公益金", null, "100000.00", List.of("ELDERLY_CARE"));
        fund("F2026-DISAB", "残疾人服务专项资金", "残疾人就业保障金", null, "200000.00", List.of("DISABILITY"));
        fund("F2026-PURCHASE", "金霞街道政府购买服务资金", "区财政预算", "S01", purchaseFundTotal, List.of());
    }

    private void fund(String code, String name, String source, String ownerStreet, String total, List<String> categories) {
        if (funds.find(code).isEmpty()) {
            funds.open(code, name, source, 2026, ownerStreet, new BigDecimal(total), categories, CurrentUser.SYSTEM);
        }
    }

    /**
     * Creates a provider certified for three years from {@code certifiedOn} with {@code status}
     * (EXPIRED once that period is over) and returns its id. No certification process is started for it.
     */
    private Long provider(String name, String legalType, String first16, LocalDate certifiedOn, ProviderStatus status) {
        String first17 = first16 + "X";
        String code = first17 + CreditCode.checkCharacter(first17);
        return providers.findByCreditCode(code).orElseGet(() -> {
            providers.insert(Provider.seeded(name, legalType, code, "ELDERLY_CARE,DISABILITY,CONVENIENCE,VOLUNTEER",
                    status, certifiedOn, certifiedOn.plusYears(3), LocalDateTime.now(ShequClock.ZONE)));
            return providers.findByCreditCode(code).orElseThrow();
        }).id();
    }

    private void user(String id, String lastName, String firstName, List<String> groups, String community,
                      String street, String district, Long organisation) {
        // the engine's user carries the whole name, family name first, as firstName ("张丽"): the webapps
        // show "firstName lastName", which for 姓 + 名 in two fields reads "丽 张" (docs/adr/0011)
        identity.createDemoUserIfAbsent(id, "", lastName + firstName, PASSWORD);
        groups.forEach(group -> identity.ensureMembership(id, group));
        if (organisations.findAffiliation(id).isEmpty()) {
            organisations.insertAffiliation(new Affiliation(id, lastName + firstName, community, street, district, organisation));
        }
    }
}
