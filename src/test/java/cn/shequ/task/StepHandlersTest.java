package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.provider.ProviderCertificationProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StepHandlers} is built only when each user task of the model has one handler and each handler a user task. */
class StepHandlersTest {

    private static final String MODEL = ProviderCertificationProcess.RESOURCE;

    private static StepHandler<Object> handler(String key) {
        return new StepHandler<>() {
            @Override
            public String taskKey() {
                return key;
            }

            @Override
            public List<String> fields() {
                return List.of("decision", key + "Note");
            }

            @Override
            public StepOutcome complete(Object step) {
                return StepOutcome.none();
            }
        };
    }

    private static List<StepHandler<Object>> oneForEachUserTask() {
        List<StepHandler<Object>> handlers = new ArrayList<>();
        StepHandlers.userTaskKeys(MODEL).forEach(key -> handlers.add(handler(key)));
        return handlers;
    }

    @Test
    void theFieldsOfTheProcessAreThoseOfEveryHandlerOnce() {
        StepHandlers<StepHandler<Object>> registry = new StepHandlers<>(MODEL, oneForEachUserTask());

        assertThat(registry.fields()).containsExactly(ProviderCertificationProcess.Tasks.CERTIFY_PROVIDER + "Note", "decision");
    }

    /** A handler reads only the fields it declares: another is a mistake in the handler, named. */
    @Test
    void aHandlerReadingAFieldItDoesNotDeclareFails() {
        SubmittedFields fields = SubmittedFields.declaredBy(handler(ProviderCertificationProcess.Tasks.CERTIFY_PROVIDER), Map.of("decision", "CERTIFY",
                "comment", "ok")::get);

        assertThat(fields.apply("decision")).isEqualTo("CERTIFY");
        assertThat(fields.apply(ProviderCertificationProcess.Tasks.CERTIFY_PROVIDER + "Note")).isNull();
        assertThatThrownBy(() -> fields.apply("comment")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reads the field comment that its fields() does not declare");
        assertThat(fields.recorded()).containsExactly(Map.entry("decision", "CERTIFY"));
    }

    @Test
    void findsEachHandlerByItsTaskKey() {
        List<StepHandler<Object>> handlers = oneForEachUserTask();
        assertThat(handlers).isNotEmpty();

        StepHandlers<StepHandler<Object>> registry = new StepHandlers<>(MODEL, handlers);

        handlers.forEach(h -> assertThat(registry.of(h.taskKey())).isSameAs(h));
        assertThatThrownBy(() -> registry.of("no-such-task")).hasMessageContaining("no-such-task");
    }

    @Test
    void refusesAUserTaskWithoutAHandler() {
        List<StepHandler<Object>> handlers = oneForEachUserTask();
        String left = handlers.remove(0).taskKey();

        assertThatThrownBy(() -> new StepHandlers<>(MODEL, handlers))
                .hasMessageContaining("user tasks without a handler [" + left + "]");
    }

    @Test
    void refusesAHandlerOfNoUserTask() {
        List<StepHandler<Object>> handlers = oneForEachUserTask();
        handlers.add(handler("certfy-provider"));

        assertThatThrownBy(() -> new StepHandlers<>(MODEL, handlers))
                .hasMessageContaining("handlers of no user task [certfy-provider]");
    }

    @Test
    void refusesTwoHandlersOfOneTask() {
        List<StepHandler<Object>> handlers = oneForEachUserTask();
        handlers.add(handler(handlers.get(0).taskKey()));

        assertThatThrownBy(() -> new StepHandlers<>(MODEL, handlers))
                .hasMessageContaining("two step handlers for task " + handlers.get(0).taskKey());
    }
}
