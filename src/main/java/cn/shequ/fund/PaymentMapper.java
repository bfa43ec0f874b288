package cn.shequ.fund;

import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Milestone payments, one row per (subject, milestone). */
@Mapper
interface PaymentMapper {
    @Select("SELECT subject_code, milestone_seq, amount, ledger_seq, paid_at, paid_by, accepted_at, late, "
            + "payment_term_days, interest_rate, days_late, late_interest "
            + "FROM milestone_payment WHERE subject_code = #{subject} AND milestone_seq = #{seq}")
    Optional<MilestonePayments.Payment> find(@Param("subject") String subject, @Param("seq") int seq);

    /** Every payment of a subject, by milestone (one statement where a caller would ask milestone by milestone). */
    @Select("SELECT subject_code, milestone_seq, amount, ledger_seq, paid_at, paid_by, accepted_at, late, "
            + "payment_term_days, interest_rate, days_late, late_interest "
            + "FROM milestone_payment WHERE subject_code = #{subject} ORDER BY milestone_seq")
    java.util.List<MilestonePayments.Payment> all(@Param("subject") String subject);

    @Insert("INSERT INTO milestone_payment (subject_code, milestone_seq, amount, ledger_seq, paid_at, paid_by, "
            + "accepted_at, late, payment_term_days, interest_rate, days_late, late_interest) VALUES (#{subjectCode}, "
            + "#{milestoneSeq}, #{amount}, #{ledgerSeq}, #{paidAt}, #{paidBy}, #{acceptedAt}, #{late}, "
            + "#{paymentTermDays}, #{interestRate}, #{daysLate}, #{lateInterest})")
    void insert(MilestonePayments.Payment payment);
}
