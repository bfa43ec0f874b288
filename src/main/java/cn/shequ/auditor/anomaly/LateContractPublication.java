package cn.shequ.auditor.anomaly;

import cn.shequ.calendar.CalendarYearMissingException;
import cn.shequ.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A contract published more than 2 working days after signing, or still unpublished then (working-day
 * calendar; the day of signing is not counted). Where the calendar lacks the year, the contract is
 * reported as not checkable rather than guessed. Waits for {@link PurchaseRecords}.
 */
@Component
class LateContractPublication extends PurchaseRecordRule {

    static final int WORKING_DAYS = 2;

    private final WorkingDayCalendar calendar;

    LateContractPublication(ObjectProvider<PurchaseRecords> records, WorkingDayCalendar calendar) {
        super(records);
        this.calendar = calendar;
    }

    @Override
    public String id() {
        return "CONTRACT_PUBLISHED_LATE";
    }

    @Override
    public String title() {
        return "签订后超过2个工作日公告合同 / contract published more than 2 working days after signing";
    }

    // 政府采购法实施条例 art. 50: 合同自签订之日起2个工作日内在指定媒体上公告
    @Override
    public String legalSource() {
        return "政府采购法实施条例第五十条（合同自签订之日起2个工作日内公告）";
    }

    @Override
    List<Anomaly> detect(PurchaseRecords source, LocalDateTime now) {
        return findings(source.contracts(), now.toLocalDate());
    }

    List<Anomaly> findings(List<PurchaseRecords.Contract> contracts, LocalDate today) {
        List<Anomaly> found = new ArrayList<>();
        for (PurchaseRecords.Contract c : contracts) {
            if (c.signedOn() == null) {
                continue;
            }
            LocalDate deadline;
            try {
                deadline = calendar.addWorkingDays(c.signedOn(), WORKING_DAYS);
            } catch (CalendarYearMissingException e) {
                found.add(Anomaly.of(this, c.procurementCode(), c.signedOn() + " 签订；无法核查公告期限：缺少该年度工作日历 / "
                        + "cannot be checked: " + e.getMessage(), c.signedOn().atTime(LocalTime.MIDNIGHT)));
                continue;
            }
            LocalDate publishedOrToday = c.publishedOn() != null ? c.publishedOn() : today;
            if (publishedOrToday.isAfter(deadline)) {
                String what = c.publishedOn() != null ? c.publishedOn() + " 公告" : "至今未公告 / not published yet";
                // a deadline in a year without the official notice is counted on the provisional calendar: said so
                String provisional = calendar.isProvisional(deadline) ? "（暂定，按法定节假日推算，待国务院公布" + deadline.getYear()
                        + "年节假日安排后确定）" : "";
                found.add(Anomaly.of(this, c.procurementCode(), c.signedOn() + " 签订，公告期限 " + deadline + provisional + "，" + what,
                        deadline.plusDays(1).atTime(LocalTime.MIDNIGHT)));
            }
        }
        return found;
    }
}
