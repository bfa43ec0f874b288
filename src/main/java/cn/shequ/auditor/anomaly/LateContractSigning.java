package cn.shequ.auditor.anomaly;

import cn.shequ.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A contract signed more than 30 days after the award notice, or still unsigned 30 days on (calendar
 * days; the day of the notice is not counted, 民法典 art. 201; a 30th day that is a weekend or public
 * holiday moves to the next working day, art. 203). The signing date is typed by the purchaser: when
 * Shequ recorded the signing more than {@link #RECORDING_SLACK_DAYS} day after the date typed, the
 * recorded day counts, so a signing back-dated to before the deadline is still flagged. Waits for
 * {@link PurchaseRecords}.
 */
@Component
class LateContractSigning extends PurchaseRecordRule {

    static final int DAYS = 30;
    /** A signing recorded the day after it was signed is ordinary; later than that, the recorded day counts. */
    static final int RECORDING_SLACK_DAYS = 1;

    private final WorkingDayCalendar calendar;

    LateContractSigning(ObjectProvider<PurchaseRecords> records, WorkingDayCalendar calendar) {
        super(records);
        this.calendar = calendar;
    }

    @Override
    public String id() {
        return "CONTRACT_SIGNED_LATE";
    }

    @Override
    public String title() {
        return "中标通知后超过30日签订合同 / contract signed more than 30 days after the award";
    }

    // 采购法 art. 46: 自中标、成交通知书发出之日起三十日内签订政府采购合同
    @Override
    public String legalSource() {
        return "政府采购法第四十六条（中标、成交通知书发出之日起三十日内签订合同）";
    }

    @Override
    List<Anomaly> detect(PurchaseRecords source, LocalDateTime now) {
        return findings(source.contracts(), now.toLocalDate());
    }

    List<Anomaly> findings(List<PurchaseRecords.Contract> contracts, LocalDate today) {
        List<Anomaly> found = new ArrayList<>();
        for (PurchaseRecords.Contract c : contracts) {
            if (c.awardNoticeOn() == null) {
                continue;
            }
            LocalDate deadline = calendar.periodEnd(c.awardNoticeOn().plusDays(DAYS));
            LocalDate recordedOn = c.signingRecordedAt() == null ? null : c.signingRecordedAt().toLocalDate();
            boolean recordedLater = c.signedOn() != null && recordedOn != null
                    && ChronoUnit.DAYS.between(c.signedOn(), recordedOn) > RECORDING_SLACK_DAYS;
            LocalDate signedOrToday = c.signedOn() == null ? today : recordedLater ? recordedOn : c.signedOn();
            if (signedOrToday.isAfter(deadline)) {
                String what = c.signedOn() == null ? "至今未签订 / not signed yet"
                        : recordedLater ? "签订日期填写为 " + c.signedOn() + "，但 " + recordedOn + " 才录入（相差 "
                                + ChronoUnit.DAYS.between(c.signedOn(), recordedOn) + " 天），按录入日期计 / signing dated "
                                + c.signedOn() + " but recorded on " + recordedOn
                        : c.signedOn() + " 签订";
                found.add(Anomaly.of(this, c.procurementCode(), c.awardNoticeOn() + " 发出中标通知，期限 " + deadline + "，"
                        + what, deadline.plusDays(1).atTime(LocalTime.MIDNIGHT)));
            }
        }
        return found;
    }
}
