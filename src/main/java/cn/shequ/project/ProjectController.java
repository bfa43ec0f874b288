package cn.shequ.project;

import cn.shequ.engine.EngineTasks;
import cn.shequ.fund.Money;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.meeting.MeetingService;
import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service projects and their residents' meetings (API.md "Service projects"). */
@RestController
class ProjectController {

    private final ProjectService projects;
    private final MeetingService meetings;
    private final CurrentUsers users;
    private final EngineTasks tasks;
    private final ProjectViews views;

    ProjectController(ProjectService projects, MeetingService meetings, CurrentUsers users, EngineTasks tasks,
                      ProjectViews views) {
        this.projects = projects;
        this.meetings = meetings;
        this.users = users;
        this.tasks = tasks;
        this.views = views;
    }

    record Created(String code, String status) {}

    @PostMapping("/api/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody ProjectRequest request) {
        Project project = projects.create(request, users.current());
        return new Created(project.code(), project.status());
    }

    @PutMapping("/api/projects/{code}")
    ProjectViews.ProjectView update(@PathVariable String code, @RequestBody ProjectRequest request) {
        CurrentUser user = users.current();
        return views.view(projects.update(code, request, user));
    }

    @PostMapping("/api/projects/{code}/submit")
    ProjectViews.ProjectView submit(@PathVariable String code) {
        return views.view(projects.submit(code, users.current()));
    }

    @PostMapping("/api/projects/{code}/withdraw")
    ProjectViews.ProjectView withdraw(@PathVariable String code) {
        return views.view(projects.withdraw(code, users.current()));
    }

    record MeetingRequest(String kind, String mode, Integer eligible, Integer present, Integer yes, Integer no,
                          Integer abstain, LocalDate heldOn, String minutes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeetingResult(boolean quorum, boolean passed, String outcome, String status) {}

    @PostMapping("/api/projects/{code}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingResult meeting(@PathVariable String code, @RequestBody MeetingRequest m) {
        CurrentUser user = users.current();
        Project project = projects.find(code).orElseThrow(() -> Refusal.notFound("项目", code));
        ProposalChecks.requireCommittee(user, project.communityCode());
        Map<String, Object> fields = new HashMap<>();
        put(fields, "kind", m.kind());
        put(fields, "mode", m.mode());
        put(fields, "eligible", m.eligible());
        put(fields, "present", m.present());
        put(fields, "yes", m.yes());
        put(fields, "no", m.no());
        put(fields, "abstain", m.abstain());
        put(fields, "heldOn", m.heldOn() == null ? null : m.heldOn().toString());
        put(fields, "minutes", m.minutes());
        projects.completeOpenTask(project, ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING, user, fields);
        String outcome = meetings.lastOutcome(code);
        Project after = projects.find(code).orElseThrow();
        return new MeetingResult(!"NO_QUORUM".equals(outcome), "PASSED".equals(outcome), outcome, after.status());
    }

    @GetMapping("/api/projects/{code}")
    ProjectViews.ProjectView get(@PathVariable String code) {
        CurrentUser user = users.current();
        Project project = projects.find(code).orElseThrow(() -> Refusal.notFound("项目", code));
        requireReader(user, project);
        return views.view(project);
    }

    @GetMapping("/api/projects")
    List<ProjectViews.ProjectSummary> list(@RequestParam(required = false) String status,
                                           @RequestParam(required = false) String communityCode) {
        CurrentUser user = users.current();
        if (status != null) {
            try {
                ProjectStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("status", "未知的项目状态 / unknown status: " + status);
            }
        }
        String community = communityCode;
        if (user.isIn(Groups.COMMITTEE) && !isOfficial(user)) {
            if (communityCode != null && !communityCode.equals(user.communityCode())) {
                throw Refusal.forbidden("OTHER_COMMUNITY", "居委会成员只能查看本社区的项目 / own community only");
            }
            community = user.communityCode();
        } else if (!isOfficial(user)) {
            throw Refusal.forbidden("FORBIDDEN", "无权查看项目 / not allowed");
        }
        return projects.search(status, community).stream().map(views::summary).toList();
    }

    /** Committee members read their own community's projects; officials, finance and auditors read all. */
    static void requireReader(CurrentUser user, Project project) {
        if (isOfficial(user)) {
            return;
        }
        if (user.isIn(Groups.COMMITTEE) && project.communityCode().equals(user.communityCode())) {
            return;
        }
        throw Refusal.forbidden("OTHER_COMMUNITY", "无权查看其他社区的项目 / not your community's project");
    }

    private static boolean isOfficial(CurrentUser user) {
        return user.isIn(Groups.STREET_OFFICE) || user.isIn(Groups.CIVIL_AFFAIRS) || user.isIn(Groups.FINANCE)
                || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN);
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
