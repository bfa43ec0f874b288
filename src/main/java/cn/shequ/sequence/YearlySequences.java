package cn.shequ.sequence;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The next number of a yearly sequence (SP-2026-0001, 东湖居〔2026〕3号), taken under a row lock on
 * {@code code_sequence} inside the caller's transaction: two callers never get the same number,
 * and a rolled-back caller gives its number back.
 */
@Service
public class YearlySequences {


    private final SequenceMapper sequences;

    YearlySequences(SequenceMapper sequences) {
        this.sequences = sequences;
    }

    /** 1, 2, 3, … per prefix and year; must run inside the transaction that uses the number. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String prefix, int year) {
        Integer last = sequences.lock(prefix, year);
        int next = last == null ? 1 : last + 1;
        if (last == null) {
            sequences.insert(prefix, year, next);
        } else {
            sequences.update(prefix, year, next);
        }
        return next;
    }

    /** A code such as SP-2026-0001. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextCode(String prefix, int year) {
        return "%s-%d-%04d".formatted(prefix, year, next(prefix, year));
    }
}
