package cn.shequ.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Which statements {@link ReadOnce} answers from memory, and which table a write makes it forget. */
class ReadOnceTest {

    @Test
    void aPlainReadOfStableTablesIsKeptWithTheTablesItReads() {
        assertThat(ReadOnceStatements.cacheable("SELECT code, title FROM project WHERE code = ?")).containsExactly("project");
        assertThat(ReadOnceStatements.cacheable("SELECT s.code FROM community c JOIN street_office s ON s.code = c.street_code WHERE c.code = ?"))
                .containsExactlyInAnyOrder("community", "street_office");
    }

    @Test
    void lockingReadsAndReadsOfOtherTablesAreAlwaysSent() {
        assertThat(ReadOnceStatements.cacheable("SELECT code FROM fund WHERE code = ? FOR UPDATE")).isNull();
        assertThat(ReadOnceStatements.cacheable("SELECT code FROM fund WHERE code = ? for  update")).isNull();
        assertThat(ReadOnceStatements.cacheable("SELECT last_number FROM code_sequence WHERE prefix = ?")).isNull();
        // one table that is not stable (the audit chain's head) makes the whole read uncacheable
        assertThat(ReadOnceStatements.cacheable("SELECT p.code FROM project p JOIN audit_entry a ON a.subject_code = p.code")).isNull();
        assertThat(ReadOnceStatements.cacheable("SELECT 1")).isNull();
    }

    @Test
    void aWriteNamesTheTableItWrites() {
        assertThat(ReadOnceStatements.written("UPDATE project SET status = ? WHERE code = ?")).isEqualTo("project");
        assertThat(ReadOnceStatements.written("  INSERT INTO fund_ledger (a) VALUES (?)")).isEqualTo("fund_ledger");
        assertThat(ReadOnceStatements.written("DELETE FROM budget_line WHERE project_code = ?")).isEqualTo("budget_line");
        assertThat(ReadOnceStatements.written("insert ignore into user_affiliation (user_id) values (?)")).isEqualTo("user_affiliation");
        // a write it cannot name makes it forget everything
        assertThat(ReadOnceStatements.written("WITH x AS (SELECT 1) UPDATE project SET status = 'X'")).isNull();
    }

    @Test
    void anUpdateNamesTheColumnsItSetsOnlyWhenEachIsAPlainAssignment() {
        assertThat(ReadOnceStatements.write("UPDATE project SET status = ?, updated_at = ? WHERE code = ?"))
                .isEqualTo(new ReadOnceStatements.Write("project", Set.of("status", "updated_at")));
        assertThat(ReadOnceStatements.write("update fund set reserved = reserved + ?, `disbursed` = COALESCE(?, 0) where code = ?")
                .columns()).containsExactlyInAnyOrder("reserved", "disbursed");
        assertThat(ReadOnceStatements.write("UPDATE project SET note = 'a, b = c' WHERE code = ?").columns()).containsExactly("note");
        assertThat(ReadOnceStatements.write("UPDATE project p JOIN fund f ON f.code = p.fund_code SET p.status = ?").columns())
                .as("a join: not told").isNull();
        assertThat(ReadOnceStatements.write("UPDATE project SET (status, score) = (?, ?)").columns()).isNull();
        assertThat(ReadOnceStatements.write("INSERT INTO project (code) VALUES (?)"))
                .isEqualTo(new ReadOnceStatements.Write("project", null));
        assertThat(ReadOnceStatements.write("DELETE FROM project WHERE code = ?").columns()).isNull();
        assertThat(ReadOnceStatements.chosenBy("SELECT name, amount FROM fund WHERE code = ? ORDER BY seq"))
                .containsExactlyInAnyOrder("fund", "where", "code", "order", "by", "seq");
    }

    @Test
    void aLockingReadIsTheSameReadWithoutItsLock() {
        assertThat(ReadOnceStatements.unlocked("SELECT code, status FROM project WHERE code = ? FOR UPDATE"))
                .isEqualTo("SELECT code, status FROM project WHERE code = ?");
    }

    @Test
    void aSelectIsWorkedOutOnceForItsText() {
        ReadOnceStatements statements = new ReadOnceStatements();
        ReadOnceStatements.Select first = statements.classify("SELECT code FROM project WHERE code = ? FOR UPDATE");
        assertThat(first).isEqualTo(new ReadOnceStatements.Select(true, "SELECT code FROM project WHERE code = ?", Set.of("project"),
                Set.of("project", "where", "code")));
        assertThat(statements.classify("SELECT code FROM project WHERE code = ? FOR UPDATE")).isSameAs(first);
        assertThat(statements.classify("SELECT last_number FROM code_sequence").tables()).isNull();
    }

    @Test
    void onlyASessionsExecutorIsWrapped() {
        Object handler = new Object(); // a statement's handlers are not executors: MyBatis offers them, ReadOnce leaves them
        assertThat(new ReadOnce().plugin(handler)).isSameAs(handler);
    }

    // ---------------------------------------------------------------- the plugin on a real MyBatis session (H2)

    record Row(String code, String status) {}

    interface Rows {
        @Select("SELECT code, status FROM project WHERE code = #{code}")
        List<Row> find(String code);

        @Select("SELECT code, status FROM project WHERE code = #{code} FOR UPDATE")
        List<Row> lock(String code);

        @Update("UPDATE project SET status = #{status} WHERE code = #{code}")
        void setStatus(@Param("code") String code, @Param("status") String status);

        @Update("<script>UPDATE project SET status = #{status}<if test='code != null'> WHERE code = #{code}</if></script>")
        void setStatusDynamic(@Param("code") String code, @Param("status") String status);

        @Update("UPDATE project SET score = #{score} WHERE code = #{code}")
        void setScore(@Param("code") String code, @Param("score") int score);

        @Update("UPDATE project SET code = #{to} WHERE code = #{code}")
        void setCode(@Param("code") String code, @Param("to") String to);

        @org.apache.ibatis.annotations.Insert("INSERT INTO project (code, status) VALUES (#{code}, 'DRAFT')")
        void insert(String code);
    }

    /** SELECTs that reached the database. */
    private final AtomicInteger selects = new AtomicInteger();

    private SqlSession session(String database) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection()) {
            c.createStatement().execute("CREATE TABLE project (code VARCHAR(20) PRIMARY KEY, status VARCHAR(20), score INT)");
            c.createStatement().execute("INSERT INTO project VALUES ('SP-1', 'DRAFT', NULL)");
        }
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(h2, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                        if (m.getName().equals("prepareStatement") && a[0] instanceof String sql
                                && sql.stripLeading().toUpperCase().startsWith("SELECT")) {
                            selects.incrementAndGet();
                        }
                        return m.invoke(connection, a);
                    });
                });
        Configuration configuration = new Configuration(new Environment("test", new JdbcTransactionFactory(), counting));
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT); // MyBatis's own session cache apart: the plugin alone
        configuration.addMapper(Rows.class);
        configuration.addInterceptor(new ReadOnce());
        return new DefaultSqlSessionFactory(configuration).openSession(false);
    }

    @Test
    void aRowReadUnderItsLockAnswersThePlainReadsAfterIt() throws SQLException {
        try (SqlSession session = session("readonce_lock")) {
            Rows rows = session.getMapper(Rows.class);
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).as("the plain read after the lock is answered from the locked row").hasValue(1);
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).as("a locking read always goes to the database").hasValue(2);
            rows.setStatus("SP-1", "IN_REVIEW");
            assertThat(rows.find("SP-1")).as("a write of the table forgets what was read").containsExactly(new Row("SP-1", "IN_REVIEW"));
            assertThat(selects).hasValue(3);
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "IN_REVIEW"));
            assertThat(selects).hasValue(3);
            session.commit();
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "IN_REVIEW"));
            assertThat(selects).as("a commit forgets everything").hasValue(4);
        }
    }

    @Test
    void aLockAfterAPlainReadIsSentAndItsRowWinsAndNoRowIsNotKept() throws SQLException {
        try (SqlSession session = session("readonce_plain")) {
            Rows rows = session.getMapper(Rows.class);
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).hasValue(2);
            assertThat(rows.lock("SP-2")).isEmpty();
            assertThat(rows.find("SP-2")).isEmpty();
            assertThat(selects).as("a lock that found nothing is not kept").hasValue(4);
        }
    }

    @Test
    void aReadOfColumnsTheTransactionDidNotSetIsAnsweredFromTheRowItLockedBeforeItsUpdate() throws SQLException {
        try (SqlSession session = session("readonce_using")) {
            Rows rows = session.getMapper(Rows.class);
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            rows.setScore("SP-1", 90);
            assertThat(ReadOnce.using(Set.of("code"), () -> rows.find("SP-1"))).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).as("the code was not set: the row locked before answers").hasValue(1);
            assertThat(rows.find("SP-1")).as("a read of the whole row is sent").containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).hasValue(2);
            rows.setScore("SP-1", 91);
            assertThat(ReadOnce.using(Set.of("code"), () -> rows.find("SP-1")))
                    .as("a row read without the lock: others may have changed it since, sent").containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).hasValue(3);

            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            rows.setStatus("SP-1", "IN_REVIEW");
            assertThat(ReadOnce.using(Set.of("status"), () -> rows.find("SP-1")))
                    .as("the status was set: sent").containsExactly(new Row("SP-1", "IN_REVIEW"));
            assertThat(selects).hasValue(5);
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "IN_REVIEW"));
            rows.setCode("SP-1", "SP-1");
            assertThat(ReadOnce.using(Set.of("status"), () -> rows.find("SP-1")))
                    .as("the column the read chooses its row by was set: sent").containsExactly(new Row("SP-1", "IN_REVIEW"));
            assertThat(selects).hasValue(7);

            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "IN_REVIEW"));
            rows.setScore("SP-1", 92);
            rows.setStatusDynamic("SP-1", "APPROVED");
            rows.setScore("SP-1", 93);
            assertThat(ReadOnce.using(Set.of("code"), () -> rows.find("SP-1")))
                    .as("after three UPDATEs, the code is still the locked row's").containsExactly(new Row("SP-1", "IN_REVIEW"));
            assertThat(selects).hasValue(8);
            assertThat(ReadOnce.using(Set.of("status"), () -> rows.find("SP-1")))
                    .as("the second of them set the status: sent").containsExactly(new Row("SP-1", "APPROVED"));
            assertThat(selects).hasValue(9);

            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "APPROVED"));
            rows.insert("SP-2");
            assertThat(ReadOnce.using(Set.of("code"), () -> rows.find("SP-1")))
                    .as("an INSERT forgets the table's reads").containsExactly(new Row("SP-1", "APPROVED"));
            assertThat(selects).hasValue(11);
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "APPROVED"));
            rows.setScore("SP-1", 94);
            session.commit();
            assertThat(ReadOnce.using(Set.of("code"), () -> rows.find("SP-1"))).containsExactly(new Row("SP-1", "APPROVED"));
            assertThat(selects).as("a commit forgets everything").hasValue(13);
        }
    }

    @Test
    void aReadAfterUsingThrewIsAPlainReadAgain() throws SQLException {
        try (SqlSession session = session("readonce_using_thrown")) {
            Rows rows = session.getMapper(Rows.class);
            assertThat(rows.lock("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            rows.setScore("SP-1", 90);
            assertThatThrownBy(() -> ReadOnce.using(Set.of("code"), () -> {
                throw new IllegalStateException("the caller failed");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            assertThat(selects).as("no caller declared its columns: the read after the UPDATE is sent").hasValue(2);
        }
    }

    @Test
    void aWriteWithDynamicSqlForgetsWhatItsTableRead() throws SQLException {
        try (SqlSession session = session("readonce_dynamic")) {
            Rows rows = session.getMapper(Rows.class);
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "DRAFT"));
            rows.setStatusDynamic("SP-1", "IN_REVIEW");
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "IN_REVIEW"));
            rows.setStatusDynamic("SP-1", "APPROVED");
            assertThat(rows.find("SP-1")).containsExactly(new Row("SP-1", "APPROVED"));
            assertThat(selects).hasValue(3);
        }
    }
}
