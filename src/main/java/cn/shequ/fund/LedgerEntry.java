package cn.shequ.fund;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One line of a fund's append-only ledger; {@code availableAfter} is the fund's available balance after it. */
public record LedgerEntry(Long seq, String fundCode, String entryType, BigDecimal amount, String projectCode,
                          Integer milestoneSeq, LocalDateTime at, String actor, BigDecimal availableAfter) {}
