package cn.shequ.procurement;

import cn.shequ.sequence.YearlySequences;
import org.springframework.stereotype.Component;

/**
 * Codes such as PS-2026-0001 (procurements) and CT-2026-0001 (contracts): a yearly sequence in
 * {@code code_sequence}, taken under a row lock. Taking a procurement code also serializes the
 * creation of procurements, so two purchases of one category never miss each other when they are
 * counted together against the thresholds (采购法 art. 28).
 */
@Component
public class ProcurementCodes {

    public static final String PROCUREMENT = "PS";
    public static final String CONTRACT = "CT";

    private final YearlySequences sequences;

    ProcurementCodes(YearlySequences sequences) {
        this.sequences = sequences;
    }

    /** Must run inside the transaction that inserts the row. */
    public String next(String prefix, int year) {
        return sequences.nextCode(prefix, year);
    }
}
