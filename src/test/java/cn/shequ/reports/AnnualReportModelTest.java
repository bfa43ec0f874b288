package cn.shequ.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** processes/annual-report.bpmn against the one source of its names, {@link AnnualReportProcess}. */
class AnnualReportModelTest {

    private static final Path MODEL = Path.of(AnnualReportProcess.RESOURCE);
    private final BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());

    @Test
    void theProcessKeepsItsHistoryThirtyOneYearsAndIsNotStartedByHand() {
        Process process = model.getModelElementById(AnnualReportProcess.PROCESS_ID);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLive()).isGreaterThanOrEqualTo(11323);
        assertThat(process.isCamundaStartableInTasklist()).isFalse();
    }

    @Test
    void userTasksServiceTasksAndElementsAreTheConstants() throws Exception {
        Set<String> userTasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(userTasks).isEqualTo(constants(AnnualReportProcess.Tasks.class));
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).isEqualTo("civil-affairs");
            assertThat(task.getCamundaFormRef()).isEqualTo(task.getId());
            assertThat(Files.exists(Path.of("forms", task.getId() + ".form"))).as(task.getId()).isTrue();
            assertThat(task.getExtensionElements().getElementsQuery().list()).hasSize(4)
                    .allMatch(l -> l.getDomElement().getAttribute("delegateExpression").equals("${" + AnnualReportProcess.Beans.TASKS + "}"));
        }
        Set<String> beans = model.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaDelegateExpression)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(beans).containsExactlyInAnyOrder("${" + AnnualReportProcess.Beans.ISSUE + "}",
                "${" + AnnualReportProcess.Beans.REMIND + "}", "${" + AnnualReportProcess.Beans.ESCALATE + "}");
        for (String element : constants(AnnualReportProcess.Elements.class)) {
            assertThat((Object) model.getModelElementById(element)).as(element).isInstanceOf(FlowNode.class);
        }
        String xml = Files.readString(MODEL);
        assertThat(xml).contains("${" + AnnualReportProcess.Vars.REMIND_AT + "}", "${" + AnnualReportProcess.Vars.DUE_AT + "}",
                AnnualReportProcess.Vars.DECISION + " == 'APPROVE'", AnnualReportProcess.Vars.DECISION + " == 'RETURN'");
    }

    private static Set<String> constants(Class<?> holder) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                values.add((String) f.get(null));
            }
        }
        return values;
    }
}
