package cn.shequ.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface MeetingMapper {

    /** One meeting the project has recorded, for what a new one must know of those before it. */
    record Held(long id, String outcome, LocalDate heldOn) {}

    /**
     * The project's meetings so far, in the order recorded: recording one more needs their count, the day of the
     * latest and the meetings without quorum since the last vote, which one statement gives (issue 16).
     */
    @Select("SELECT id, outcome, held_on FROM resident_meeting WHERE project_code = #{code} ORDER BY id")
    java.util.List<Held> held(String code);

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
