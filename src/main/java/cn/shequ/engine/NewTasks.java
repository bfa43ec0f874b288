package cn.shequ.engine;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/** What Shequ's create listeners tell the engine about a task it is creating (ADR 0058). */
public final class NewTasks {

    private NewTasks() {}

    /**
     * Tells the engine that {@code created}, a task it is creating in this command (its create listener),
     * has no stored variables yet, so that its first variable read (the listener's) does not ask the
     * database for the task-local variables of an id that was just generated: the engine's task loads them
     * with a query even for a task not inserted yet. A task whose variables were already touched is left
     * as it is. Nothing else changes: values set on the task afterwards are stored as always.
     */
    public static void withoutStoredVariables(DelegateTask created) {
        if (created instanceof TaskEntity entity && VARIABLE_STORE != null) {
            try {
                if (VARIABLE_STORE.get(entity) instanceof VariableStore<?> store && !store.isInitialized()) {
                    @SuppressWarnings("unchecked")
                    VariableStore<VariableInstanceEntity> variables = (VariableStore<VariableInstanceEntity>) store;
                    variables.setVariablesProvider(NONE_STORED);
                }
            } catch (IllegalAccessException e) {
                // the engine's layout changed: the variables are loaded as the engine does it
            }
        }
    }

    private static final VariableStore.VariablesProvider<VariableInstanceEntity> NONE_STORED =
            new VariableStore.VariablesProvider<>() {
                @Override
                public Collection<VariableInstanceEntity> provideVariables() {
                    return List.of();
                }

                @Override
                public Collection<VariableInstanceEntity> provideVariables(Collection<String> names) {
                    return List.of();
                }
            };

    private static final Field VARIABLE_STORE = variableStoreField();

    private static Field variableStoreField() {
        try {
            Field field = TaskEntity.class.getDeclaredField("variableStore");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
