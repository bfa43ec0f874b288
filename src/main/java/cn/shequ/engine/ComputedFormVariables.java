package cn.shequ.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Values a task's form shows that are computed when the form is read rather than stored on the task
 * (ADR 0058): the engine's {@code GetTaskFormVariablesCmd} — Tasklist's and /engine-rest's
 * {@code GET task/{id}/form-variables}, what a Camunda form opens with — answers with the task's
 * variables as always, and then with what {@link Source} computes for the task under names the task
 * does not hold (a task's dossier). The engine has checked the caller's grant to read the task's
 * variables before; the computed values are added only to an answer the caller was allowed.
 * Nothing is written: the values are not engine variables, so no runtime row and no history row.
 */
@Component
public class ComputedFormVariables extends AbstractProcessEnginePlugin {

    /** What a task's form shows besides its variables (implemented beside the task lifecycles). */
    public interface Source {

        /** The values {@code task}'s form shows besides its variables, by name; empty when none. */
        Map<String, String> of(DelegateTask task);
    }

    private final ObjectProvider<Source> sources;

    public ComputedFormVariables(ObjectProvider<Source> sources) {
        this.sources = sources;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    private final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (command instanceof GetTaskFormVariablesCmd read && result instanceof VariableMap variables) {
                addComputed(read, variables);
            }
            return result;
        }
    }

    private void addComputed(GetTaskFormVariablesCmd read, VariableMap variables) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task = context == null || read.resourceId == null ? null : context.getTaskManager().findTaskById(read.resourceId);
        if (task == null) {
            return;
        }
        for (Source source : sources.orderedStream().toList()) {
            source.of(task).forEach((name, value) -> {
                boolean asked = read.formVariableNames == null || read.formVariableNames.contains(name);
                if (asked && value != null && !variables.containsKey(name)) {
                    variables.putValueTyped(name, Variables.stringValue(value));
                }
            });
        }
    }
}
