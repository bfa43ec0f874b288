package cn.shequ.task;

import cn.shequ.engine.ComputedFormVariables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.springframework.stereotype.Component;

/**
 * A task's dossier ({@link TaskLifecycle#DOSSIER}) and the values its form opens with ({@link TaskLifecycle#prefill}),
 * computed by the task's own lifecycle when its form's variables are read (Tasklist opening the form,
 * /engine-rest's form-variables), not written as task variables when the task is created (ADR 0058, 0061): the
 * form shows the subject as it stands when it is opened, and a task that nobody opens in Tasklist costs nothing.
 */
@Component
class TaskDossiers implements ComputedFormVariables.Source {

    /** The task lifecycles by bean name, as the processes name them ({@code delegateExpression="${name}"}). */
    private final Map<String, TaskLifecycle> lifecycles;

    TaskDossiers(Map<String, TaskLifecycle> lifecycles) {
        this.lifecycles = lifecycles;
    }

    @Override
    public Map<String, String> of(DelegateTask task) {
        TaskLifecycle lifecycle = lifecycleOf(task);
        if (lifecycle == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        // the values the form opens with (ADR 0061): the record it revises, as it stands now
        lifecycle.prefill(task).forEach((name, value) -> values.put(name, String.valueOf(value)));
        String dossier = lifecycle.dossier(task);
        if (dossier != null) {
            values.put(TaskLifecycle.DOSSIER, dossier);
        }
        return values;
    }

    /** The lifecycle the task's create listener names, if it is one of Shequ's. */
    private TaskLifecycle lifecycleOf(DelegateTask task) {
        if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
            return null;
        }
        List<TaskListener> listeners = entity.getTaskDefinition().getTaskListenersForEvent(TaskListener.EVENTNAME_CREATE);
        for (TaskListener listener : listeners == null ? List.<TaskListener>of() : listeners) {
            if (listener instanceof DelegateExpressionTaskListener named) {
                String text = named.getExpressionText().trim();
                if (text.startsWith("${") && text.endsWith("}")) {
                    TaskLifecycle lifecycle = lifecycles.get(text.substring(2, text.length() - 1).trim());
                    if (lifecycle != null) {
                        return lifecycle;
                    }
                }
            }
        }
        return null;
    }
}
