package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.rules.Decisions.ApprovalAuthority;
import cn.shequ.support.ShequIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A start with a changed rule file (here: a DMN table whose recorded fingerprint differs) writes CONFIG_CHANGED. */
@ShequIT
class ConfigurationAuditIT {

    @Autowired
    ConfigurationAudit configuration;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChangedDecisionTableIsRecordedOnceAndAnUnchangedOneNotAtAll() throws Exception {
        String resource = ApprovalAuthority.RESOURCE;
        String current = jdbc.queryForObject("SELECT sha256 FROM config_fingerprint WHERE resource = ?", String.class, resource);
        jdbc.update("UPDATE config_fingerprint SET sha256 = ? WHERE resource = ?", "0".repeat(64), resource);
        int before = changes();

        configuration.run(null);
        assertThat(changes()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT details FROM audit_entry WHERE action = 'CONFIG_CHANGED' ORDER BY seq DESC LIMIT 1",
                String.class)).contains(resource).contains(current);

        configuration.run(null);
        assertThat(changes()).isEqualTo(before + 1);
    }

    private int changes() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'CONFIG_CHANGED'", Integer.class);
    }
}
