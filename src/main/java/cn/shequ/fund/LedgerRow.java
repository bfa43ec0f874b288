package cn.shequ.fund;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Mutable insert parameter for a ledger line (MyBatis writes the generated {@code seq} back). */
class LedgerRow {
    Long seq;
    String fundCode;
    String entryType;
    BigDecimal amount;
    String projectCode;
    Integer milestoneSeq;
    LocalDateTime at;
    String actor;
    BigDecimal availableAfter;

    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public String getFundCode() { return fundCode; }
    public String getEntryType() { return entryType; }
    public BigDecimal getAmount() { return amount; }
    public String getProjectCode() { return projectCode; }
    public Integer getMilestoneSeq() { return milestoneSeq; }
    public LocalDateTime getAt() { return at; }
    public String getActor() { return actor; }
    public BigDecimal getAvailableAfter() { return availableAfter; }
}
