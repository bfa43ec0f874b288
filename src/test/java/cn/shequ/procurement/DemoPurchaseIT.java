package cn.shequ.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.shequ.ShequApplication;
import cn.shequ.calendar.WorkingDayCalendar;
import cn.shequ.engine.ShequClock;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default profile opens one demo purchase for bids on an empty database, and a restart does
 * not open a second. Like {@code StartupIT} for the demo project, each test starts its own
 * application on its own H2 file database (the shared test context keeps the demo purchase off:
 * purchases of one category and purchaser count together against the method thresholds). The
 * demo clock is pinned so the bid period runs over a holiday and the test does not depend on the
 * day it runs.
 */
@OwnApplicationIT
@ExtendWith(OutputCaptureExtension.class)
class DemoPurchaseIT {

    /** Wednesday before the National Day holiday (10-01 to 10-07), China Standard Time. */
    private static final OffsetDateTime BEFORE_NATIONAL_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
    /** Two working days before the end of 2026: the bid period runs into 2027, which has no official calendar yet. */
    private static final OffsetDateTime END_OF_2026 = OffsetDateTime.parse("2026-12-30T10:00:00+08:00");

    @TempDir
    Path dataDir;

    private final ShequClock clock = new ShequClock();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anEmptyDatabaseGetsOneSmallPurchaseOpenForBidsAndARestartNoSecond() {
        assumeFalse(TestDatabase.isMariaDb(), "needs an empty database: H2 leg only");
        clock.moveTo(BEFORE_NATIONAL_DAY.toInstant());
        String code;
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<Map<String, Object>> procurements = jdbc.queryForList(
                    "SELECT code, status, method, purchaser_user, category, amount, notice_published_on FROM procurement");
            assertThat(procurements).hasSize(1);
            Map<String, Object> purchase = procurements.get(0);
            code = (String) purchase.get("code");
            assertThat(purchase).containsEntry("status", "BIDDING").containsEntry("method", "SMALL_PURCHASE")
                    .containsEntry("purchaser_user", "street1").containsEntry("category", "CONVENIENCE");
            assertThat(purchase.get("amount").toString()).isEqualTo("600000.00");
            LocalDate published = jdbc.queryForObject("SELECT notice_published_on FROM procurement", LocalDate.class);
            assertThat(published).isEqualTo(BEFORE_NATIONAL_DAY.toLocalDate());
            // the shortest legal period: 3 working days after the notice, by the calendar (here over the holiday)
            LocalDateTime expected = app.getBean(WorkingDayCalendar.class).addWorkingDays(published, 3).atTime(23, 59, 59);
            assertThat(jdbc.queryForObject("SELECT bid_deadline FROM procurement", LocalDateTime.class)).isEqualTo(expected);
            assertThat(expected.toLocalDate()).isAfter(published.plusDays(3));

            List<Map<String, Object>> bids = jdbc.queryForList("SELECT submitted_by, price FROM bid WHERE procurement_code = ?", code);
            assertThat(bids).extracting(b -> b.get("submitted_by")).containsExactlyInAnyOrder("provider1", "provider2");
            assertThat(bids).extracting(b -> b.get("price").toString()).doesNotHaveDuplicates();

            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            String page = new RestTemplateBuilder().build().getForObject(base + "/public/procurements", String.class);
            assertThat(page).contains(code, "BIDDING", "金霞街道社区便民服务",
                    expected.atZone(ShequClock.ZONE).toOffsetDateTime().toString());
            assertThat(new RestTemplateBuilder().build().getForEntity(base + "/public/ocds/" + code, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        try (ConfigurableApplicationContext again = start()) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT code FROM procurement", String.class)).containsExactly(code);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bid", Integer.class)).isEqualTo(2);
            // one more bid to make: provider3's
            String base = "http://localhost:" + ((WebServerApplicationContext) again).getWebServer().getPort();
            ResponseEntity<String> bid = new RestTemplateBuilder().basicAuthentication("provider3", "demo").build()
                    .postForEntity(base + "/api/procurements/" + code + "/bids",
                            Map.of("price", "579000.00", "proposal", "社区便民服务方案：助残便民服务进社区。"), String.class);
            assertThat(bid.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void whenTheBidPeriodRunsInto2027ItIsCountedOnTheProvisionalCalendar(CapturedOutput output) {
        assumeFalse(TestDatabase.isMariaDb(), "needs an empty database: H2 leg only");
        clock.moveTo(END_OF_2026.toInstant());
        try (ConfigurableApplicationContext app = start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM procurement", Integer.class)).isEqualTo(1);
            // 3 working days after Wednesday 30 December: 12-31, (元旦 01-01 provisionally off) 01-04, 01-05
            assertThat(jdbc.queryForObject("SELECT bid_deadline FROM procurement", LocalDateTime.class))
                    .isEqualTo(LocalDateTime.parse("2027-01-05T23:59:59"));
        }
        assertThat(output).doesNotContain("No demo purchase");
    }

    /** The default profile, as a fresh clone runs it; the demo project is left out (StartupIT covers it). */
    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(TestDatabase.applicationArgs(dataDir.toString()));
        args.add("--shequ.demo.finished-project=false");
        return new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new));
    }
}
