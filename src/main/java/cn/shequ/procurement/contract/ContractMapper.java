package cn.shequ.procurement.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The contract of a procurement and its milestones. */
@Mapper
public interface ContractMapper {

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

    @Select("SELECT * FROM contract_milestone WHERE procurement_code = #{code} ORDER BY seq")
    List<ContractMilestone> milestones(String code);

    @Select("SELECT * FROM contract_milestone WHERE procurement_code = #{code} AND seq = #{seq}")
    Optional<ContractMilestone> milestone(@Param("code") String code, @Param("seq") int seq);

    @Insert("INSERT INTO contract_milestone (procurement_code, seq, name, share_percent, amount, status) "
            + "VALUES (#{procurementCode}, #{seq}, #{name}, #{sharePercent}, #{amount}, #{status})")
    void insertMilestone(ContractMilestone milestone);

    @Update("UPDATE contract_milestone SET status = 'REPORTED', summary = #{summary}, evidence = #{evidence}, "
            + "reported_by = #{actor}, reported_at = #{at} WHERE procurement_code = #{code} AND seq = #{seq}")
    void report(@Param("code") String code, @Param("seq") int seq, @Param("summary") String summary,
                @Param("evidence") String evidence, @Param("actor") String actor, @Param("at") LocalDateTime at);

    @Update("UPDATE contract_milestone SET status = #{status}, accepted_by = #{actor}, accepted_at = #{at}, "
            + "served_participants = #{served} WHERE procurement_code = #{code} AND seq = #{seq}")
    void accept(@Param("code") String code, @Param("seq") int seq, @Param("status") String status,
                @Param("actor") String actor, @Param("at") LocalDateTime at, @Param("served") Integer served);

    @Update("UPDATE contract_milestone SET status = #{status}, approved_by = #{actor}, approved_at = #{at} "
            + "WHERE procurement_code = #{code} AND seq = #{seq}")
    void approve(@Param("code") String code, @Param("seq") int seq, @Param("status") String status,
                 @Param("actor") String actor, @Param("at") LocalDateTime at);

    @Update("UPDATE contract_milestone SET status = #{status} WHERE procurement_code = #{code} AND seq = #{seq}")
    void setStatus(@Param("code") String code, @Param("seq") int seq, @Param("status") String status);
}
