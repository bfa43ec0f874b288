package cn.shequ.procurement.contract;

import cn.shequ.delivery.MilestoneMapper;
import cn.shequ.delivery.MilestoneSubject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The contract of a procurement and its milestones (through delivery's MilestoneMapper). */
@Mapper
public interface ContractMapper extends MilestoneMapper {

    @Select("SELECT c.code, c.procurement_code, c.provider_id, p.name AS provider_name, c.amount, c.performance_bond, "
            + "c.term_months, c.payment_term_days, c.late_interest_rate, c.signed_on, c.signed_by, c.signed_late, c.signing_recorded_at, c.publish_due, c.published_on, c.published_late, "
            + "c.created_at FROM contract c JOIN provider p ON p.id = c.provider_id WHERE c.procurement_code = #{code}")
    Optional<Contract> ofProcurement(String code);

    @Insert("INSERT INTO contract (code, procurement_code, provider_id, amount, performance_bond, term_months, "
            + "payment_term_days, late_interest_rate, signed_on, signed_by, signed_late, signing_recorded_at, publish_due, created_at) VALUES "
            + "(#{code}, #{procurementCode}, #{providerId}, #{amount}, #{performanceBond}, #{termMonths}, #{paymentTermDays}, "
            + "#{lateInterestRate}, #{signedOn}, #{signedBy}, #{signedLate}, #{signingRecordedAt}, #{publishDue}, #{createdAt})")
    void insert(Contract contract);

    /** The publication's due day moved (a year's official calendar was loaded). */
    @Update("UPDATE contract SET publish_due = #{due} WHERE procurement_code = #{code}")
    void setPublishDue(@Param("code") String code, @Param("due") java.time.LocalDate due);

    @Update("UPDATE contract SET published_on = #{on}, published_late = #{late} WHERE procurement_code = #{code}")
    void publish(@Param("code") String code, @Param("on") LocalDate on, @Param("late") boolean late);

    // The contract's milestones: delivery's statements (ADR 0054), under the contract's names and type.

    default List<ContractMilestone> milestones(String code) {
        return milestoneRows(MilestoneSubject.CONTRACT, code).stream().map(ContractMilestone::of).collect(Collectors.toList());
    }

    default Optional<ContractMilestone> milestone(String code, int seq) {
        return milestoneRow(MilestoneSubject.CONTRACT, code, seq).map(ContractMilestone::of);
    }

    default void insertMilestone(ContractMilestone m) {
        insertMilestoneRow(MilestoneSubject.CONTRACT, m.procurementCode(), m.seq(), m.name(), m.sharePercent(), m.amount(),
                m.status());
    }

    default void report(String code, int seq, String summary, String evidence, String actor, LocalDateTime at) {
        reportMilestoneRow(MilestoneSubject.CONTRACT, code, seq, summary, evidence, actor, at);
    }

    default void accept(String code, int seq, String status, String actor, LocalDateTime at, Integer served) {
        acceptMilestoneRow(MilestoneSubject.CONTRACT, code, seq, status, actor, at, served);
    }

    default void approve(String code, int seq, String status, String actor, LocalDateTime at) {
        approveMilestoneRow(MilestoneSubject.CONTRACT, code, seq, status, actor, at);
    }

    default void setStatus(String code, int seq, String status) {
        setMilestoneRowStatus(MilestoneSubject.CONTRACT, code, seq, status);
    }
}
