package cn.shequ.procurement;

import org.springframework.stereotype.Component;

/**
 * Codes such as PS-2026-0001 (procurements) and CT-2026-0001 (contracts): a yearly sequence in
 * {@code code_sequence}, taken under a row lock. Taking a procurement code also serializes the
 * creation of procurements, so two purchases of one category never miss each other when they are
 * counted together against the thresholds (采购法 art. 28).
 */
@Component
class ProcurementCodes {

    static final String PROCUREMENT = "PS";
    static final String CONTRACT = "CT";

    private final ProcurementMapper procurements;

    ProcurementCodes(ProcurementMapper procurements) {
        this.procurements = procurements;
    }

    /** Must run inside the transaction that inserts the row. */
    String next(String prefix, int year) {
        Integer last = procurements.lockSequence(prefix, year);
        int next = last == null ? 1 : last + 1;
        if (last == null) {
            procurements.insertSequence(prefix, year, next);
        } else {
            procurements.updateSequence(prefix, year, next);
        }
        return "%s-%d-%04d".formatted(prefix, year, next);
    }
}
