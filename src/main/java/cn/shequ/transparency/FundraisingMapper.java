package cn.shequ.transparency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Residents' meeting decisions to raise money (筹资筹劳) and the funds they opened. */
@Mapper
interface FundraisingMapper {

    String COLUMNS = "id, community_code, purpose, category, amount, kind, mode, eligible, present, yes_votes, no_votes, "
            + "abstentions, held_on, minutes, outcome, recorded_by, recorded_at, fund_code";

    @Insert("INSERT INTO fundraising_decision (community_code, purpose, category, amount, kind, mode, eligible, present, "
            + "yes_votes, no_votes, abstentions, held_on, minutes, outcome, recorded_by, recorded_at) VALUES (#{communityCode}, "
            + "#{purpose}, #{category}, #{amount}, #{kind}, #{mode}, #{eligible}, #{present}, #{yesVotes}, #{noVotes}, "
            + "#{abstentions}, #{heldOn}, #{minutes}, #{outcome}, #{recordedBy}, #{recordedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(DecisionRow row);

    @Select("SELECT " + COLUMNS + " FROM fundraising_decision WHERE id = #{id}")
    Optional<Decision> find(long id);

    /** Locks the decision: one fund per decision, whatever the number of requests. */
    @Select("SELECT " + COLUMNS + " FROM fundraising_decision WHERE id = #{id} FOR UPDATE")
    Optional<Decision> lock(long id);

    @Select("SELECT " + COLUMNS + " FROM fundraising_decision WHERE community_code = #{community} ORDER BY id")
    List<Decision> ofCommunity(String community);

    @Update("UPDATE fundraising_decision SET fund_code = #{fund} WHERE id = #{id}")
    void setFund(@Param("id") long id, @Param("fund") String fund);

    @Select("SELECT COUNT(*) FROM service_category WHERE code = #{code}")
    int categoryExists(String code);

    /** A recorded decision. */
    record Decision(long id, String communityCode, String purpose, String category, BigDecimal amount, String kind,
                    String mode, int eligible, int present, int yesVotes, int noVotes, int abstentions, LocalDate heldOn,
                    String minutes, String outcome, String recordedBy, LocalDateTime recordedAt, String fundCode) {}

    /** Insert parameter (MyBatis writes the generated id back). */
    class DecisionRow {
        Long id;
        String communityCode;
        String purpose;
        String category;
        BigDecimal amount;
        String kind;
        String mode;
        int eligible;
        int present;
        int yesVotes;
        int noVotes;
        int abstentions;
        LocalDate heldOn;
        String minutes;
        String outcome;
        String recordedBy;
        LocalDateTime recordedAt;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getCommunityCode() { return communityCode; }
        public String getPurpose() { return purpose; }
        public String getCategory() { return category; }
        public BigDecimal getAmount() { return amount; }
        public String getKind() { return kind; }
        public String getMode() { return mode; }
        public int getEligible() { return eligible; }
        public int getPresent() { return present; }
        public int getYesVotes() { return yesVotes; }
        public int getNoVotes() { return noVotes; }
        public int getAbstentions() { return abstentions; }
        public LocalDate getHeldOn() { return heldOn; }
        public String getMinutes() { return minutes; }
        public String getOutcome() { return outcome; }
        public String getRecordedBy() { return recordedBy; }
        public LocalDateTime getRecordedAt() { return recordedAt; }
    }
}
