package cn.shequ.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface MeetingMapper {

    /** How many meetings the project has recorded and the day of the latest (null before the first). */
    record History(int meetings, LocalDate lastHeldOn) {}

    /** One statement for both questions that recording a meeting asks (issue 16). */
    @Select("SELECT COUNT(*) AS meetings, MAX(held_on) AS last_held_on FROM resident_meeting WHERE project_code = #{code}")
    History history(String code);

    @Select("SELECT COUNT(*) FROM resident_meeting WHERE project_code = #{code} AND id > "
            + "(SELECT COALESCE(MAX(id), 0) FROM resident_meeting WHERE project_code = #{code} AND outcome <> 'NO_QUORUM')")
    int noQuorumSinceLastVote(String code);

    @Insert("INSERT INTO resident_meeting (project_code, attempt, kind, mode, eligible, present, yes_votes, no_votes, "
            + "abstentions, held_on, minutes, outcome, recorded_by, recorded_at) VALUES (#{code}, #{attempt}, #{kind}, "
            + "#{mode}, #{eligible}, #{present}, #{yes}, #{no}, #{abstain}, #{heldOn}, #{minutes}, #{outcome}, #{actor}, #{at})")
    void insert(@Param("code") String code, @Param("attempt") int attempt, @Param("kind") String kind,
                @Param("mode") String mode, @Param("eligible") int eligible, @Param("present") int present,
                @Param("yes") int yes, @Param("no") int no, @Param("abstain") int abstain,
                @Param("heldOn") LocalDate heldOn, @Param("minutes") String minutes, @Param("outcome") String outcome,
                @Param("actor") String actor, @Param("at") LocalDateTime at);

    @Select("SELECT outcome FROM resident_meeting WHERE project_code = #{code} ORDER BY id DESC LIMIT 1")
    String lastOutcome(String code);

    /** The latest meeting recorded for the project, as it was reported (empty before the first). */
    @Select("SELECT kind, mode, eligible, present, yes_votes AS yes, no_votes AS no, abstentions AS abstain, held_on, minutes "
            + "FROM resident_meeting WHERE project_code = #{code} ORDER BY id DESC LIMIT 1")
    java.util.Optional<MeetingService.Meeting> last(String code);
}
