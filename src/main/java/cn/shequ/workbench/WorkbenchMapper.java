package cn.shequ.workbench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * What the workbench's pages read, straight from Shequ's own indexed tables (never Camunda's task
 * query): projects of an area, a project's meetings and decisions, a user's completed work.
 */
@Mapper
interface WorkbenchMapper {

    /** One line of a project list: with its community's name and the money reserved and paid. */
    record ProjectRow(String code, String title, String status, String communityCode, String communityName,
                      BigDecimal amount, BigDecimal reservedAmount, BigDecimal disbursedAmount, String author,
                      LocalDateTime createdAt) {}

    String PROJECT_ROW = "SELECT p.code, p.title, p.status, p.community_code, c.name AS community_name, p.amount, "
            + "p.reserved_amount, p.disbursed_amount, p.author, p.created_at FROM project p "
            + "JOIN community c ON c.code = p.community_code ";

    @Select(PROJECT_ROW + "WHERE p.community_code = #{community} ORDER BY p.created_at DESC LIMIT #{limit}")
    List<ProjectRow> ofCommunity(@Param("community") String community, @Param("limit") int limit);

    @Select(PROJECT_ROW + "WHERE c.street_code = #{street} ORDER BY p.created_at DESC LIMIT #{limit}")
    List<ProjectRow> ofStreet(@Param("street") String street, @Param("limit") int limit);

    @Select(PROJECT_ROW + "JOIN street_office s ON s.code = c.street_code WHERE s.district_code = #{district} "
            + "ORDER BY p.created_at DESC LIMIT #{limit}")
    List<ProjectRow> ofDistrict(@Param("district") String district, @Param("limit") int limit);

    @Select(PROJECT_ROW + "ORDER BY p.created_at DESC LIMIT #{limit}")
    List<ProjectRow> latest(@Param("limit") int limit);

    @Select(PROJECT_ROW + "WHERE p.author = #{author} ORDER BY p.created_at DESC LIMIT #{limit}")
    List<ProjectRow> byAuthor(@Param("author") String author, @Param("limit") int limit);

    /** A residents' meeting as recorded. */
    record MeetingRow(int attempt, String kind, String mode, int eligible, int present, int yesVotes, int noVotes,
                      int abstentions, LocalDate heldOn, String minutes, String outcome, String recordedBy,
                      LocalDateTime recordedAt) {}

    @Select("SELECT attempt, kind, mode, eligible, present, yes_votes, no_votes, abstentions, held_on, minutes, outcome, "
            + "recorded_by, recorded_at FROM resident_meeting WHERE project_code = #{code} ORDER BY attempt")
    List<MeetingRow> meetings(String code);

    /** A decision taken on one of the project's tasks (审批历史). */
    record ActionRow(String taskKey, Integer milestoneSeq, String actor, String actorName, String decision,
                     String comment, LocalDateTime at) {}

    @Select("SELECT a.task_key, a.milestone_seq, a.actor, u.display_name AS actor_name, a.decision, a.comment, a.at "
            + "FROM project_action a LEFT JOIN user_affiliation u ON u.user_id = a.actor "
            + "WHERE a.project_code = #{code} ORDER BY a.id")
    List<ActionRow> actions(String code);

    /** A task the user completed, newest first (the audit chain's index by actor). */
    record DoneRow(String subjectCode, String taskKey, String decision, LocalDateTime at) {}

    @Select("SELECT subject_code, task_key, decision, at FROM audit_entry WHERE actor = #{actor} "
            + "AND action = 'TASK_COMPLETED' ORDER BY seq DESC LIMIT #{limit}")
    List<DoneRow> doneBy(@Param("actor") String actor, @Param("limit") int limit);

    /** The open tasks of several subjects at once (ix_work_subject): a project list's next steps. */
    @Select("<script>SELECT * FROM work_item WHERE subject_code IN "
            + "<foreach collection='codes' item='c' open='(' separator=',' close=')'>#{c}</foreach> "
            + "ORDER BY created, task_id</script>")
    List<cn.shequ.task.WorkItem> openTasksOf(@Param("codes") List<String> codes);

    @Select("SELECT name FROM community WHERE code = #{code}")
    String communityName(String code);

    @Select("SELECT name FROM street_office WHERE code = #{code}")
    String streetName(String code);

    @Select("SELECT name FROM district WHERE code = #{code}")
    String districtName(String code);

    @Select("SELECT display_name FROM user_affiliation WHERE user_id = #{userId}")
    String displayName(String userId);

    /** A service category for the proposal form. */
    record Category(String code, String name) {}

    @Select("SELECT code, name FROM service_category ORDER BY sort_order")
    List<Category> categories();
}
