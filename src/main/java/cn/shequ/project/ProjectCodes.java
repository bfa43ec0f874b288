package cn.shequ.project;

import cn.shequ.sequence.YearlySequences;
import org.springframework.stereotype.Component;

/** Codes such as SP-2026-0001: a yearly sequence, taken under a row lock so two creators never share one. */
@Component
class ProjectCodes {

    static final String PREFIX = "SP";

    private final YearlySequences sequences;

    ProjectCodes(YearlySequences sequences) {
        this.sequences = sequences;
    }

    /** Must run inside the transaction that inserts the project. */
    String next(int year) {
        return sequences.nextCode(PREFIX, year);
    }
}
