package cn.shequ.project;

import cn.shequ.engine.ShequClock;
import cn.shequ.meeting.MeetingOutcome;
import cn.shequ.meeting.MeetingService;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.project.ServiceProjectProcess.Vars;
import cn.shequ.task.StepOutcome;
import cn.shequ.task.TaskInput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * record-resident-meeting: the committee records the residents' meeting (kind, mode, counts, date, minutes);
 * {@link MeetingService} decides its outcome (DMN), which is the step's decision and the process's route,
 * with whether another meeting may be convened. Generates the meeting resolution (PDF).
 */
@Component
class RecordResidentMeetingStep implements ProjectStepHandler {

    private final MeetingService meetings;
    private final ProjectActionMapper actions;
    private final ProjectDocuments documents;

    RecordResidentMeetingStep(MeetingService meetings, ProjectActionMapper actions, ProjectDocuments documents) {
        this.meetings = meetings;
        this.actions = actions;
        this.documents = documents;
    }

    @Override
    public String taskKey() {
        return Tasks.RECORD_RESIDENT_MEETING;
    }

    @Override
    public List<String> fields() {
        return List.of("kind", "mode", "eligible", "present", "yes", "no", "abstain", "heldOn", "minutes");
    }

    @Override
    public StepOutcome complete(ProjectStep step) {
        Function<String, Object> read = step.fields();
        TaskInput input = step.input();
        MeetingService.Meeting meeting = new MeetingService.Meeting(
                string(read, "kind"), string(read, "mode"), integer(input, read, "eligible"),
                integer(input, read, "present"), integer(input, read, "yes"), integer(input, read, "no"),
                integer(input, read, "abstain"), date(input, read, "heldOn"), string(read, "minutes"));
        input.refuseIfInvalid();
        MeetingService.Recorded recorded = meetings.recordInProject(step.code(), meeting, step.actor().userId(),
                revisedOn(step.code()));
        MeetingOutcome outcome = recorded.outcome();
        documents.meetingResolution(step.project(), meeting, outcome, step.actor().userId());
        Map<String, Object> routing = new HashMap<>();
        routing.put(Vars.MEETING_OUTCOME, outcome.outcome());
        routing.put(Vars.MAY_RECONVENE, recorded.mayReconvene());
        return new StepOutcome(outcome.outcome(), null, routing);
    }

    /** The day the proposal was last resubmitted after a return for revision; null while it was submitted once. */
    private LocalDate revisedOn(String code) {
        List<LocalDateTime> submitted = actions.completedAt(code, Tasks.PREPARE_PROPOSAL);
        return submitted.size() < 2 ? null : submitted.get(submitted.size() - 1).toLocalDate();
    }

    private static String string(Function<String, Object> fields, String name) {
        Object value = fields.apply(name);
        return value == null ? null : value.toString();
    }

    private static Integer integer(TaskInput input, Function<String, Object> fields, String name) {
        return fields.apply(name) == null ? null : input.integer(name, name, 0, 1_000_000);
    }

    private static LocalDate date(TaskInput input, Function<String, Object> fields, String name) {
        Object value = fields.apply(name);
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(ShequClock.ZONE).toLocalDate();
        }
        try {
            String text = value.toString();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            input.problem(name, name + " 须为日期，例如 2026-11-20 / must be a date");
            return null;
        }
    }
}
