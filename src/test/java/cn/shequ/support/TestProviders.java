package cn.shequ.support;

import cn.shequ.engine.EngineIdentity;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.OrganisationMapper;
import cn.shequ.provider.CreditCode;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Providers beyond the demo data, as the registry leaves them: never certified (PENDING), or
 * CERTIFIED for three years from a date; each with a provider user (password "demo"). Written
 * once per database: a provider whose user already exists is left as it is. A bean of the test
 * context: {@code @Autowired TestProviders providers}.
 */
@Component
public class TestProviders {

    private final JdbcTemplate jdbc;
    private final EngineIdentity identity;
    private final OrganisationMapper organisations;

    TestProviders(JdbcTemplate jdbc, EngineIdentity identity, OrganisationMapper organisations) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.organisations = organisations;
    }

    /**
     * Provider {@code name} with user {@code user}; its credit code is {@code first16} + "X" + the
     * GB 32100 check character; {@code certifiedOn} null for never certified; {@code categories}
     * comma-separated.
     */
    public void provider(String user, String name, String first16, LocalDate certifiedOn, String categories) {
        if (organisations.findAffiliation(user).isPresent()) {
            return;
        }
        String first17 = first16 + "X";
        String code = first17 + CreditCode.checkCharacter(first17);
        jdbc.update("INSERT INTO provider (name, legal_type, credit_code, categories, status, certified_on, certified_until, "
                + "registered_at) VALUES (?, 'SOCIAL_ORGANISATION', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", name, code,
                categories, certifiedOn == null ? "PENDING" : "CERTIFIED", certifiedOn,
                certifiedOn == null ? null : certifiedOn.plusYears(3));
        Long id = jdbc.queryForObject("SELECT id FROM provider WHERE credit_code = ?", Long.class, code);
        identity.createDemoUserIfAbsent(user, "测试", user, "demo");
        identity.ensureMembership(user, "provider");
        organisations.insertAffiliation(new Affiliation(user, name, null, null, null, id));
    }

    /** A provider a test's purchases invite: its user, its name, the first 16 characters of its credit code. */
    public record Bidder(String user, String name, String first16) {}

    /** Bidders certified on 2025-01-01, so for three years that cover every date the purchase tests set, for {@code categories}. */
    public void certifiedBidders(String categories, Bidder... bidders) {
        for (Bidder bidder : bidders) {
            provider(bidder.user(), bidder.name(), bidder.first16(), LocalDate.of(2025, 1, 1), categories);
        }
    }
}
