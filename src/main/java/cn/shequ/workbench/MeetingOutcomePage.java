package cn.shequ.workbench;

import cn.shequ.identity.CurrentUsers;
import cn.shequ.meeting.MeetingService;
import cn.shequ.pages.Labels;
import cn.shequ.pages.TaskForm;
import cn.shequ.project.ServiceProjectProcess;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The residents' meeting outcome shown while its counts are typed (the DMN, through {@link MeetingService#preview}). */
@Controller
class MeetingOutcomePage implements UploadLimit {

    private final CurrentUsers users;
    private final TaskForm forms;
    private final MeetingService meetings;

    MeetingOutcomePage(CurrentUsers users, TaskForm forms, MeetingService meetings) {
        this.users = users;
        this.forms = forms;
        this.meetings = meetings;
    }

    /** The outcome the resident-meeting-outcome table gives the counts typed so far (an htmx fragment). */
    @PostMapping("/workbench/meeting-outcome")
    String meetingOutcome(@RequestParam MultiValueMap<String, String> form, Model model) {
        users.current();
        MeetingService.Preview preview = meetings.preview(new MeetingService.Meeting(form.getFirst("kind"),
                form.getFirst("mode"), count(form, "eligible"), count(form, "present"), count(form, "yes"),
                count(form, "no"), count(form, "abstain"), day(form.getFirst("heldOn")), form.getFirst("minutes")));
        model.addAttribute("outcome", preview.outcome());
        Map<String, String> labels = new HashMap<>();
        forms.inputs(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING).forEach(f -> labels.put(f.key(), f.label()));
        model.addAttribute("problems", preview.problems().entrySet().stream()
                .map(p -> TaskPages.labelled(p.getKey(), Labels.chinese(p.getValue()), labels.get(p.getKey()))).toList());
        return "workbench/fragments :: outcome";
    }

    private static Integer count(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value == null || !value.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value.trim());
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
