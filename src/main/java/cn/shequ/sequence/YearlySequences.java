package cn.shequ.sequence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The next number of a yearly sequence (SP-2026-0001, PS-2026-0001, 东湖居〔2026〕3号), taken in one statement that
 * locks the sequence's row inside the caller's transaction (ADR 0068): two callers never get the same number, a
 * rolled-back caller gives its number back, and a second number of the same sequence in one transaction follows the
 * first.
 */
@Service
public class YearlySequences {

    private final SequenceStore sequences;

    public YearlySequences(SequenceStore sequences) {
        this.sequences = sequences;
    }

    /** 1, 2, 3, … per prefix and year; must run inside the transaction that uses the number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String prefix, int year) {
        Integer next = sequences.increment(prefix, year);
        if (next != null) {
            return next;
        }
        // H2: the year's first number (MySQL/MariaDB start it in the increment's own statement)
        try {
            sequences.start(prefix, year, 1);
            return 1;
        } catch (DuplicateKeyException startedMeanwhile) {
            // another transaction took the year's first number after our increment found no row: take the one after it
            Integer after = sequences.increment(prefix, year);
            if (after == null) {
                throw new IllegalStateException("sequence " + prefix + "/" + year + " neither found nor started", startedMeanwhile);
            }
            return after;
        }
    }

    /** A code such as SP-2026-0001. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextCode(String prefix, int year) {
        return "%s-%d-%04d".formatted(prefix, year, next(prefix, year));
    }
}
