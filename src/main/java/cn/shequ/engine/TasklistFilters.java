package cn.shequ.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters in Chinese, created once: the caller's own tasks, and the unclaimed
 * tasks of their groups. (Which of them a user may complete is decided by the process's rules.)
 */
@Component
public class TasklistFilters {

    private static final List<String> NAMES = List.of("我的待办", "本组待办");

    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityService identity;
    private volatile Set<String> ids;

    public TasklistFilters(ProcessEngine engine) {
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
        this.identity = engine.getIdentityService();
    }

    /** The ids of the shared filters, the only ones Tasklist's engine API lists tasks by for a user who is no administrator. */
    public Set<String> sharedFilterIds() {
        Set<String> known = ids;
        if (known == null || known.size() < NAMES.size()) {
            known = OnShequsBehalf.call(identity, () -> NAMES.stream()
                    .flatMap(name -> filters.createFilterQuery().filterName(name).list().stream())
                    .map(Filter::getId).collect(Collectors.toUnmodifiableSet()));
            ids = known;
        }
        return known;
    }

    public void ensureDefaults() {
        ensure(NAMES.get(0), -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "已签收、由我办理的任务");
        ensure(NAMES.get(1), -5, tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
                "提供给我所在用户组、尚未签收的任务");
    }

    private void ensure(String name, int priority, TaskQuery query, String description) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filters.saveFilter(filter);
    }
}
