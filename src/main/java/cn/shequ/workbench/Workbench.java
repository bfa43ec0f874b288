package cn.shequ.workbench;

import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.identity.Groups;
import cn.shequ.pages.Labels;
import cn.shequ.task.WorkItem;
import cn.shequ.task.WorkItems;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The workbench's lists: the home page (my tasks and my area's projects), 我的已办, 我发起的 and 项目.
 * Tasks come from the task index through the same service as GET /api/tasks; projects from
 * Shequ's project table by the user's community, street or district.
 */
@Controller
class Workbench {

    static final int TASKS = 200;
    static final int PROJECTS = 100;

    private final CurrentUsers users;
    private final WorkItems items;
    private final WorkbenchMapper pages;
    private final ShequClock clock;
    private final Labels labels;

    Workbench(CurrentUsers users, WorkItems items, WorkbenchMapper pages, ShequClock clock, Labels labels) {
        this.users = users;
        this.items = items;
        this.pages = pages;
        this.clock = clock;
        this.labels = labels;
    }

    /** Anonymous visitors keep the landing page at /; a logged-in user's home is the workbench. */
    @GetMapping("/")
    String root(Authentication auth) {
        boolean loggedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return loggedIn ? "redirect:/workbench/" : "forward:/index.html";
    }

    /** /public/ and /audit/ serve their index page (only /public/index.html answered before). */
    @GetMapping({"/public", "/public/"})
    String publicIndex() {
        return "forward:/public/index.html";
    }

    @GetMapping({"/workbench", "/workbench/"})
    String home(Model model) {
        CurrentUser user = users.current();
        model.addAttribute("tasks", tasks(user));
        List<WorkbenchMapper.ProjectRow> projects = area(user, 20);
        model.addAttribute("projects", rows(projects));
        model.addAttribute("area", areaName(user));
        model.addAttribute("nav", "home");
        return "workbench/home";
    }

    @GetMapping("/workbench/done")
    String done(Model model) {
        CurrentUser user = users.current();
        model.addAttribute("done", pages.doneBy(user.userId(), TASKS));
        model.addAttribute("nav", "done");
        return "workbench/done";
    }

    @GetMapping("/workbench/mine")
    String mine(Model model) {
        CurrentUser user = users.current();
        model.addAttribute("projects", rows(pages.byAuthor(user.userId(), PROJECTS)));
        model.addAttribute("nav", "mine");
        return "workbench/mine";
    }

    @GetMapping("/workbench/projects")
    String projects(Model model) {
        CurrentUser user = users.current();
        model.addAttribute("projects", rows(area(user, PROJECTS)));
        model.addAttribute("area", areaName(user));
        model.addAttribute("nav", "projects");
        return "workbench/projects";
    }

    /** One task of the list: its subject, when it came, its due date and whether it is late. */
    record TaskRow(String id, String key, String name, String subjectCode, LocalDateTime created, LocalDateTime due,
                   boolean overdue, boolean escalated, boolean claimed) {}

    List<TaskRow> tasks(CurrentUser user) {
        LocalDateTime now = clock.localNow();
        return items.forUser(user.userId(), user.groups(), user.communityCode(), Groups.COMMITTEE, TASKS).stream()
                .map(i -> new TaskRow(i.taskId(), i.taskKey(), i.name(), i.subjectCode(), i.created(), i.due(),
                        i.due() != null && i.due().isBefore(now), i.escalated(), i.assignee() != null))
                .toList();
    }

    /** A project line with its next step and who holds it, from the task index. */
    record ProjectLine(WorkbenchMapper.ProjectRow project, String nextStep, String holder) {}

    List<ProjectLine> rows(List<WorkbenchMapper.ProjectRow> projects) {
        Map<String, List<WorkItem>> open = new LinkedHashMap<>();
        if (!projects.isEmpty()) {
            for (WorkItem item : pages.openTasksOf(projects.stream().map(WorkbenchMapper.ProjectRow::code).toList())) {
                open.computeIfAbsent(item.subjectCode(), k -> new ArrayList<>()).add(item);
            }
        }
        return projects.stream().map(p -> {
            List<WorkItem> tasks = open.getOrDefault(p.code(), List.of());
            if (tasks.isEmpty()) {
                return new ProjectLine(p, "—", "—");
            }
            WorkItem first = tasks.get(0);
            return new ProjectLine(p, first.name(), holder(first, p));
        }).toList();
    }

    String holder(WorkItem item, WorkbenchMapper.ProjectRow project) {
        if (item.assignee() != null) {
            String name = pages.displayName(item.assignee());
            return name == null ? item.assignee() : name;
        }
        if (Groups.COMMITTEE.equals(item.candidateGroup())) {
            return project.communityName() + "居委会";
        }
        return item.candidateGroup().isEmpty() ? "—" : labels.group(item.candidateGroup());
    }

    List<WorkbenchMapper.ProjectRow> area(CurrentUser user, int limit) {
        if (user.isIn(Groups.FINANCE) || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN)) {
            return pages.latest(limit);
        }
        if (user.isIn(Groups.CIVIL_AFFAIRS) && user.districtCode() != null) {
            return pages.ofDistrict(user.districtCode(), limit);
        }
        if (user.isIn(Groups.STREET_OFFICE) && user.streetCode() != null) {
            return pages.ofStreet(user.streetCode(), limit);
        }
        if (user.isIn(Groups.COMMITTEE) && user.communityCode() != null) {
            return pages.ofCommunity(user.communityCode(), limit);
        }
        return List.of();
    }

    String areaName(CurrentUser user) {
        if (user.isIn(Groups.FINANCE) || user.isIn(Groups.AUDITOR) || user.isIn(Groups.ADMIN)) {
            return "全部";
        }
        if (user.isIn(Groups.CIVIL_AFFAIRS) && user.districtCode() != null) {
            return pages.districtName(user.districtCode());
        }
        if (user.isIn(Groups.STREET_OFFICE) && user.streetCode() != null) {
            return pages.streetName(user.streetCode());
        }
        if (user.communityCode() != null) {
            return pages.communityName(user.communityCode());
        }
        return "";
    }
}
