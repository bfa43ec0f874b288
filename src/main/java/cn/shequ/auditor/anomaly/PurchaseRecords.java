package cn.shequ.auditor.anomaly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the purchase tables feed the purchase rules (split purchases, contract deadlines):
 * {@link ProcurementRecords} reads them from the procurement and contract tables. The rules were
 * written before those tables landed; should no bean implement this interface (a build without
 * purchases), {@link SplitPurchase}, {@link LateContractSigning} and {@link LateContractPublication}
 * report themselves PENDING and find nothing, rather than anything made up.
 */
public interface PurchaseRecords {

    /**
     * One purchase (政府购买服务): who bought ({@code purchaser}: the street office or bureau), the service
     * category, the fiscal year it is charged to, the amount, the method used (Decisions.ProcurementMethod
     * values) and when it was started.
     */
    record Purchase(String code, String purchaser, String category, int fiscalYear, BigDecimal amount, String method,
                    LocalDateTime startedAt) {}

    /**
     * A contract's dates; {@code signedOn} and {@code publishedOn} are null while that has not happened.
     * {@code signedOn} is typed by the purchaser; {@code signingRecordedAt} is when Shequ recorded it
     * (null when unknown).
     */
    record Contract(String procurementCode, LocalDate awardNoticeOn, LocalDate signedOn, LocalDate publishedOn,
                    LocalDateTime signingRecordedAt) {}

    List<Purchase> purchases();

    /** Contracts of purchases whose award notice was issued. */
    List<Contract> contracts();

    /** What a purchase rule says while no bean implements this interface. */
    String PENDING = "待采购数据表接入后启用（实现 PurchaseRecords）/ activates when a bean implements "
            + "cn.shequ.auditor.anomaly.PurchaseRecords over the purchase tables";
}
