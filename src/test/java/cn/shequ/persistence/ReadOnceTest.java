package cn.shequ.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements {@link ReadOnce} answers from memory, and which table a write makes it forget. */
class ReadOnceTest {

    @Test
    void aPlainReadOfStableTablesIsKeptWithTheTablesItReads() {
        assertThat(ReadOnce.cacheable("SELECT code, title FROM project WHERE code = ?")).containsExactly("project");
        assertThat(ReadOnce.cacheable("SELECT s.code FROM community c JOIN street_office s ON s.code = c.street_code WHERE c.code = ?"))
                .containsExactlyInAnyOrder("community", "street_office");
    }

    @Test
    void lockingReadsAndReadsOfOtherTablesAreAlwaysSent() {
        assertThat(ReadOnce.cacheable("SELECT code FROM fund WHERE code = ? FOR UPDATE")).isNull();
        assertThat(ReadOnce.cacheable("SELECT code FROM fund WHERE code = ? for  update")).isNull();
        assertThat(ReadOnce.cacheable("SELECT last_number FROM code_sequence WHERE prefix = ?")).isNull();
        // one table that is not stable (the audit chain's head) makes the whole read uncacheable
        assertThat(ReadOnce.cacheable("SELECT p.code FROM project p JOIN audit_entry a ON a.subject_code = p.code")).isNull();
        assertThat(ReadOnce.cacheable("SELECT 1")).isNull();
    }

    @Test
    void aWriteNamesTheTableItWrites() {
        assertThat(ReadOnce.written("UPDATE project SET status = ? WHERE code = ?")).isEqualTo("project");
        assertThat(ReadOnce.written("  INSERT INTO fund_ledger (a) VALUES (?)")).isEqualTo("fund_ledger");
        assertThat(ReadOnce.written("DELETE FROM budget_line WHERE project_code = ?")).isEqualTo("budget_line");
        assertThat(ReadOnce.written("insert ignore into user_affiliation (user_id) values (?)")).isEqualTo("user_affiliation");
        // a write it cannot name makes it forget everything
        assertThat(ReadOnce.written("WITH x AS (SELECT 1) UPDATE project SET status = 'X'")).isNull();
    }
}
