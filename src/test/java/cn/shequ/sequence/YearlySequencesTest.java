package cn.shequ.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The year's first number where the database cannot start a sequence in the increment's statement (H2): a transaction
 * that finds no row starts it; one that loses that race to another takes the number after the winner's.
 */
class YearlySequencesTest {

    /** A store that finds no row at first, and whose start meets a row another transaction inserted meanwhile. */
    private static final class RacedStore implements SequenceStore {
        final List<String> calls = new ArrayList<>();
        Integer last;
        boolean startedByAnother;

        @Override
        public Integer increment(String prefix, int year) {
            calls.add("increment");
            return last == null ? null : ++last;
        }

        @Override
        public void start(String prefix, int year, int first) {
            calls.add("start");
            if (startedByAnother) {
                last = 1; // the other transaction's first number, committed while this one waited on the key
                throw new DuplicateKeyException("code_sequence " + prefix + "/" + year);
            }
            last = first;
        }
    }

    @Test
    void theFirstStarterGetsOne() {
        RacedStore store = new RacedStore();
        assertThat(new YearlySequences(store).next("SP", 2027)).isEqualTo(1);
        assertThat(store.calls).containsExactly("increment", "start");
    }

    @Test
    void theStarterWhoLostTheRaceGetsTheNumberAfterTheWinners() {
        RacedStore store = new RacedStore();
        store.startedByAnother = true;
        assertThat(new YearlySequences(store).next("SP", 2027)).isEqualTo(2);
        assertThat(store.calls).containsExactly("increment", "start", "increment");
    }

    @Test
    void aRowThatNeitherExistsNorCanBeStartedIsAnError() {
        SequenceStore broken = new SequenceStore() {
            @Override
            public Integer increment(String prefix, int year) {
                return null;
            }

            @Override
            public void start(String prefix, int year, int first) {
                throw new DuplicateKeyException("code_sequence");
            }
        };
        assertThatThrownBy(() -> new YearlySequences(broken).next("SP", 2027)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SP/2027");
    }
}
