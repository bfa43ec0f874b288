package cn.shequ.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ShequIT;
import cn.shequ.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What one statement's round trip to the database costs, by what the application did just before it
 * (issue 16): the same trivial {@code SELECT 1} on one of the application's pooled connections, sent right
 * after the previous answer, after the thread computed for 50 µs to 3 ms, or after it slept as long. On a
 * virtual machine the database server's CPU goes idle in a longer gap and takes longer to answer; a
 * lifecycle that does more Java between its statements (Shequ's) therefore pays more for each of them
 * than one that sends them back to back (the bare engine's), which is what {@code LifecycleBenchmark}'s
 * per-statement times show. Prints median and p90 of 2,000 round trips per gap, after two rounds to warm
 * up; asserts only that every statement answered. Not part of the normal build (tag "benchmark"):
 * <pre>
 * mvn -o test-compile failsafe:integration-test@it-mariadb -Dit.test=RoundTripBenchmark -Dshequ.benchmarks=none
 * </pre>
 */
@ShequIT
@Tag("benchmark")
class RoundTripBenchmark {

    static final int TRIPS = 2_000;
    static final long[] GAPS_MICROS = {0, 50, 200, 500, 1_000, 3_000};

    @Autowired
    DataSource dataSource;

    static volatile long sink;

    @Test
    void roundTripsAfterGapsOfComputationAndOfSleep() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String[] lines = new String[0];
            for (int round = 0; round < 3; round++) {
                lines = new String[GAPS_MICROS.length * 2 - 1];
                int line = 0;
                for (long gap : GAPS_MICROS) {
                    lines[line++] = String.format("computing %5d µs before each: %s", gap, trips(statement, gap, false));
                    if (gap > 0) {
                        lines[line++] = String.format("sleeping  %5d µs before each: %s", gap, trips(statement, gap, true));
                    }
                }
            }
            System.out.printf("%n[benchmark] round trip of SELECT 1 on %s, %,d each, median / p90:%n", TestDatabase.name(), TRIPS);
            for (String line : lines) {
                System.out.println("[benchmark]   " + line);
            }
        }
    }

    private static String trips(Statement statement, long gapMicros, boolean sleep) throws SQLException {
        long[] nanos = new long[TRIPS];
        for (int i = 0; i < TRIPS; i++) {
            if (sleep) {
                LockSupport.parkNanos(gapMicros * 1_000);
            } else {
                compute(gapMicros * 1_000);
            }
            long t0 = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format("%6.1f / %6.1f µs", nanos[TRIPS / 2] / 1e3, nanos[TRIPS * 9 / 10] / 1e3);
    }

    private static void compute(long nanos) {
        long start = System.nanoTime();
        long x = 0;
        while (System.nanoTime() - start < nanos) {
            x++;
        }
        sink += x;
    }
}
