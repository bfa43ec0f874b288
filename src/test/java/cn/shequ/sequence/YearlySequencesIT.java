package cn.shequ.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.support.ShequIT;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers taken in one statement each (ADR 0068), on H2 and on MariaDB: what a clerk would notice is a project code or
 * a document number given twice, skipped, or lost to a rolled-back step.
 */
@ShequIT
class YearlySequencesIT {

    @Autowired
    YearlySequences sequences;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    /** A prefix of its own per test (code_sequence.prefix is at most 8 characters), so reruns on one database agree. */
    private static String prefix() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36), 36);
    }

    @Test
    void numbersFollowEachOtherPerPrefixAndYearAlsoInOneTransaction() {
        String prefix = prefix();
        String other = prefix();
        List<Integer> taken = transactions.execute(status -> List.of(sequences.next(prefix, 2026), sequences.next(prefix, 2026),
                sequences.next(other, 2026), sequences.next(prefix, 2027), sequences.next(prefix, 2026)));
        // the second number of a sequence in one transaction follows the first (no cached answer to the same statement)
        assertThat(taken).containsExactly(1, 2, 1, 1, 3);
        String code = transactions.execute(status -> sequences.nextCode(prefix, 2026));
        assertThat(code).isEqualTo(prefix + "-2026-0004");
        assertThat(jdbc.queryForObject("SELECT last_number FROM code_sequence WHERE prefix = ? AND code_year = ?",
                Integer.class, prefix, 2026)).isEqualTo(4);
    }

    @Test
    void aRolledBackTransactionGivesItsNumberBack() {
        String prefix = prefix();
        transactions.executeWithoutResult(status -> sequences.next(prefix, 2026));
        transactions.executeWithoutResult(status -> {
            assertThat(sequences.next(prefix, 2026)).isEqualTo(2);
            status.setRollbackOnly();
        });
        Integer again = transactions.execute(status -> sequences.next(prefix, 2026));
        assertThat(again).isEqualTo(2);
    }

    @Test
    void aSecondTransactionWaitsForTheFirstAndTakesTheNextNumber() throws Exception {
        String prefix = prefix();
        transactions.executeWithoutResult(status -> sequences.next(prefix, 2026));
        assertThat(whileAnotherHoldsIt(prefix)).containsExactly(2, 3);
    }

    @Test
    void twoTransactionsStartingAYearNeverShareItsFirstNumber() throws Exception {
        // the first starts the year; the second waits for its row (MariaDB) or its key (H2) and takes the next number
        assertThat(whileAnotherHoldsIt(prefix())).containsExactly(1, 2);
    }

    /** The first transaction takes a number and holds it 300 ms; the second asks meanwhile. Their numbers, in order. */
    private List<Integer> whileAnotherHoldsIt(String prefix) throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            int number = sequences.next(prefix, 2026);
            taken.countDown();
            sleep(300);
            return number;
        }));
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        Integer second = transactions.execute(status -> sequences.next(prefix, 2026));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(waitedMs).as("the second waited for the first's lock").isGreaterThanOrEqualTo(100);
        return List.of(first.get(), second);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
