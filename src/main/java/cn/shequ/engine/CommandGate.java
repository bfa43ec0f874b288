package cn.shequ.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's second line, whatever the door (/engine-rest, Tasklist's API, Cockpit, Java): a command
 * that changes a process's course ({@link EngineCommands#governs}) runs only when Shequ's services
 * issue it after their own checks ({@link OnShequsBehalf}), when the engine does its own work (no
 * user on the thread: the job executor, timers, start-up), or when an administrator does, and then it
 * is written to the audit chain in the command's own transaction, naming the person, the command and
 * the reason. A user may complete a task (the task's listener applies the step's rules), claim a task
 * the rules would let them complete, and release a task they claimed; nothing else.
 *
 * <p>The interceptor sits inside the engine's transaction and command context, and looks at the outermost
 * command only: what a permitted command does inside (listeners, delegates, a BPMN error a service task
 * throws) is that command's course.
 */
@Component
public class CommandGate extends AbstractProcessEnginePlugin {

    /** What Shequ's rules answer the gate (implemented beside the task lifecycles). */
    public interface Rules {

        boolean isAdministrator(String userId, List<String> groupIds);

        /** Throws the refusal when {@code userId} may not claim {@code task} for themself. */
        void checkClaim(DelegateTask task, String userId);

        /** Throws the refusal when {@code userId} may not give {@code task} back to its group. */
        void checkRelease(DelegateTask task, String userId);

        /** The refusal of a command that only Shequ's services or an administrator may issue. */
        RuntimeException refused(String command, boolean assignsToSomeoneElse);

        /** Writes an administrator's command to the audit chain, in the current transaction. */
        void recordAdministrator(String userId, String command, String subjectCode, Map<String, Object> details);
    }

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final ObjectProvider<Rules> rules;

    public CommandGate(ObjectProvider<Rules> rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(new Gate());
        return all;
    }

    private final class Gate extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            int depth = DEPTH.get();
            DEPTH.set(depth + 1);
            try {
                if (depth == 0 && check(command)) {
                    // a release the rules allow: the engine's own check asks for TASK_ASSIGN, which nobody is granted
                    CommandContext context = Context.getCommandContext();
                    boolean enabled = context.isAuthorizationCheckEnabled();
                    context.disableAuthorizationCheck();
                    try {
                        return next.execute(command);
                    } finally {
                        if (enabled) {
                            context.enableAuthorizationCheck();
                        }
                    }
                }
                return next.execute(command);
            } finally {
                if (depth == 0) {
                    DEPTH.remove();
                } else {
                    DEPTH.set(depth);
                }
            }
        }
    }

    /** Throws the refusal; true when the command is a release the rules allow (run without the engine's grant check). */
    private boolean check(Command<?> command) {
        Class<?> type = command.getClass();
        if (!EngineCommands.governs(type) || OnShequsBehalf.active()) {
            return false;
        }
        CommandContext context = Context.getCommandContext();
        Authentication caller = context == null ? null : context.getAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return false; // the engine's own work: the job executor, timers, start-up
        }
        String userId = caller.getUserId();
        Rules rules = this.rules.getObject();
        String name = type.getSimpleName();
        if (rules.isAdministrator(userId, caller.getGroupIds() == null ? List.of() : caller.getGroupIds())) {
            rules.recordAdministrator(userId, name, subjectOf(context, command), details(command));
            return false;
        }
        switch (name) {
            case "CompleteTaskCmd", "SubmitTaskFormCmd" -> { } // the task's listener applies the step's rules
            case "ClaimTaskCmd" -> {
                String claimant = (String) field(command, "userId");
                if (!userId.equals(claimant)) {
                    throw rules.refused(name, true);
                }
                TaskEntity task = task(context, command);
                if (task != null) {
                    rules.checkClaim(task, userId);
                }
            }
            case "AssignTaskCmd" -> {
                String assignee = (String) field(command, "userId");
                TaskEntity task = task(context, command);
                if (assignee != null && !userId.equals(assignee)) {
                    throw rules.refused(name, true);
                }
                if (task != null) {
                    if (assignee == null) {
                        rules.checkRelease(task, userId);
                        return true;
                    }
                    rules.checkClaim(task, userId);
                }
            }
            default -> throw rules.refused(name, false);
        }
        return false;
    }

    private static TaskEntity task(CommandContext context, Command<?> command) {
        Object taskId = field(command, "taskId");
        return taskId instanceof String id ? context.getTaskManager().findTaskById(id) : null;
    }

    /** The business key (project or procurement code) of what the command is about, when it names a task or an instance. */
    private static String subjectOf(CommandContext context, Command<?> command) {
        try {
            TaskEntity task = task(context, command);
            ExecutionEntity execution = task != null ? task.getExecution() : null;
            for (String name : new String[] {"processInstanceId", "executionId"}) {
                if (execution == null && field(command, name) instanceof String id) {
                    execution = context.getExecutionManager().findExecutionById(id);
                }
            }
            return execution == null || execution.getProcessInstance() == null ? null
                    : execution.getProcessInstance().getBusinessKey();
        } catch (RuntimeException e) {
            return null; // the command itself reports an unknown id
        }
    }

    /** The command's simple fields (ids, names, values), as the audit entry's details. */
    static Map<String, Object> details(Object command) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || details.containsKey(field.getName()) || details.size() >= 20) {
                    continue;
                }
                Object value = read(field, command);
                if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
                    String text = String.valueOf(value);
                    details.put(field.getName(), text.length() > 200 ? text.substring(0, 200) + "…" : value);
                } else if (value instanceof Map<?, ?> map) {
                    details.put(field.getName(), map.keySet().stream().map(String::valueOf).sorted().toList());
                } else if (value instanceof Collection<?> collection) {
                    details.put(field.getName(), collection.size() + " 项");
                }
            }
        }
        return details;
    }

    private static Object field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                return read(type.getDeclaredField(name), command);
            } catch (NoSuchFieldException e) {
                // up the hierarchy
            }
        }
        return null;
    }

    private static Object read(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
