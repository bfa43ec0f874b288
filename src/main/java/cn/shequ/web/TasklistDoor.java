package cn.shequ.web;

import cn.shequ.engine.TasklistFilters;
import cn.shequ.identity.CurrentUsers;
import cn.shequ.refusal.Refusal;
import cn.shequ.task.TaskAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasklist's engine API for a user who is no administrator: a call on {@link EngineDoors#TASKLIST} passes
 * with its check (a task of the user's own, a shared filter narrowed only, the user's own groups), else 403.
 */
final class TasklistDoor {

    /**
     * The criteria of a filter list or count request body that only narrow the shared filter's query (Tasklist's
     * search: variables, names, dates, process, sorting; and its paging): a criterion of who the task is for ({@code assignee…},
     * {@code candidateGroup…}, {@code candidateUser…}, {@code involvedUser}, {@code owner}, {@code includeAssignedTasks},
     * {@code unassigned}…) would replace the filter's own and list other people's tasks, and is refused.
     */
    static final Pattern NARROWING = Pattern.compile("^(firstResult|maxResults|sorting|processVariables|taskVariables|caseInstanceVariables"
            + "|variableNamesIgnoreCase|variableValuesIgnoreCase|orQueries|name|nameLike|nameNotEqual|nameNotLike"
            + "|description|descriptionLike|due(Date|Before|After)?|dueDateExpression|withoutDueDate|followUp(Date|Before|After)?"
            + "|created(On|Before|After)?|priority|minPriority|maxPriority|processDefinition(Id|Key|KeyIn|Name|NameLike)"
            + "|processInstanceBusinessKey(Like|In)?|processInstanceId|processInstanceIdIn|taskDefinitionKey(Like|In)?"
            + "|executionId|delegationState|caseDefinition(Id|Key|Name|NameLike)|caseInstance(Id|BusinessKey|BusinessKeyLike)"
            + "|caseExecutionId|tenantIdIn|withoutTenantId|active|suspended)$");

    private final ObjectMapper json;
    private final CurrentUsers users;
    private final TaskAccess access;
    private final TasklistFilters filters;
    private final FailedCompletions completions;

    TasklistDoor(ObjectMapper json, CurrentUsers users, TaskAccess access, TasklistFilters filters, FailedCompletions completions) {
        this.json = json;
        this.users = users;
        this.access = access;
        this.filters = filters;
        this.completions = completions;
    }

    /** The request to pass on for {@code below} (the path below {@code engine/{name}}); throws the refusal. */
    HttpServletRequest pass(HttpServletRequest request, String below, EngineDoors.Caller caller) throws IOException {
        EngineDoors.Allowed allowed = EngineDoors.allowed(request.getMethod(), below);
        if (allowed == null) {
            throw refused(request.getMethod(), below);
        }
        Matcher matched = allowed.path().matcher(below);
        matched.matches();
        switch (allowed.check()) {
            case TASK -> task(matched.group(1), below, caller);
            case FILTER -> {
                if (!filters.sharedFilterIds().contains(matched.group(1))) {
                    throw Refusal.forbidden("FILTER_NOT_SHARED", "只能使用系统提供的任务筛选（我的待办、本组待办）/ only "
                            + "the shared filters list tasks");
                }
                if ("POST".equals(request.getMethod())) {
                    return narrowingOnly(request);
                }
            }
            case SELF -> {
                String named = Optional.ofNullable(request.getParameter("userId")).orElse(request.getParameter("member"));
                if (!caller.userId().equals(named)) {
                    throw Refusal.forbidden("OTHER_USERS_GROUPS", "只能查询本人所在的用户组 / only your own groups");
                }
            }
            case NONE -> { }
        }
        return request;
    }

    private void task(String taskId, String below, EngineDoors.Caller caller) {
        switch (access.of(taskId, users.load(caller.userId()))) {
            case MINE -> { }
            case NOT_MINE -> throw Refusal.forbidden("NOT_YOUR_TASK", "该任务未提供给您或您所在的用户组、社区，"
                    + "您不能查看、签收或办理 / this task is not offered to you");
            case NOT_OPEN -> throw completions.explain(below).orElse(Refusal.notFound("任务", taskId));
        }
    }

    private HttpServletRequest narrowingOnly(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length > 0) {
            JsonNode query;
            try {
                query = json.readTree(body);
            } catch (IOException e) {
                throw Refusal.invalid("body", "请求内容不是 JSON / the body is not JSON");
            }
            if (query != null && !query.isNull()) {
                requireNarrowing(query, "");
            }
        }
        return new BodyReadAgain(request, body);
    }

    static void requireNarrowing(JsonNode query, String where) {
        if (!query.isObject()) {
            throw Refusal.invalid("body", "筛选条件须为 JSON 对象 / the query must be a JSON object");
        }
        for (Iterator<String> names = query.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!NARROWING.matcher(name).matches()) {
                throw Refusal.forbidden("FILTER_CRITERION_REFUSED", "任务筛选只能按变量、名称和排序缩小范围，不能改用 "
                        + where + name + " / a shared filter may be narrowed, not replaced (" + name + ")");
            }
            if ("orQueries".equals(name)) {
                for (JsonNode or : query.get(name)) {
                    requireNarrowing(or, "orQueries.");
                }
            }
        }
    }

    static Refusal refused(String method, String path) {
        return Refusal.forbidden("TASKLIST_API_REFUSED", "Tasklist 的引擎接口只提供任务清单、本人任务的表单与办理、签收与退回；"
                + method + " " + path + " 不在其中 / Tasklist's engine API does not offer this");
    }
}
