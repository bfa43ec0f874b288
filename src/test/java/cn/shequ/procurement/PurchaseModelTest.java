package cn.shequ.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * processes/purchase-of-service.bpmn against its contract, {@link PurchaseProcess}, and its forms:
 * the names the Java code uses are the names in the model; every user task has its form and the
 * task listener; every escalation fires when its task is due; history is kept 30 years.
 */
class PurchaseModelTest {

    private static final Path FORMS = Path.of("forms");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(\\.[A-Za-z_]+\\([^)]*\\))?\\}$");
    private static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or");

    private static BpmnModelInstance model;
    private static Process process;

    @BeforeAll
    static void read() {
        model = Bpmn.readModelFromFile(new File(PurchaseProcess.RESOURCE));
        Bpmn.validateModel(model);
        process = model.getModelElementById(PurchaseProcess.PROCESS_ID);
    }

    @Test
    void theProcessIsExecutableAndKeepsItsHistoryThirtyYears() {
        assertThat(process.isExecutable()).isTrue();
        // it moves money: accounting records are kept 30 years (会计档案管理办法 art. 14), procurement files 15 (采购法 art. 42)
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("11323");
    }

    @Test
    void theUserTasksAreExactlyTheTaskKeysOfTheContract() {
        assertThat(ids(model.getModelElementsByType(UserTask.class))).isEqualTo(constants(PurchaseProcess.Tasks.class));
    }

    @Test
    void everyElementConstantIsAnElementOfTheModel() {
        for (String id : constants(PurchaseProcess.Elements.class)) {
            assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
        }
    }

    @Test
    void everyUserTaskHasItsDeployedFormAndTheLifecycleListenerOnEveryEvent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> decisions = constants(PurchaseProcess.Decision.class);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(task.getId());
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
            Set<String> events = task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
                    .stream().filter(l -> ("${" + PurchaseProcess.Beans.TASK_LIFECYCLE + "}").equals(l.getCamundaDelegateExpression()))
                    .map(CamundaTaskListener::getCamundaEvent).collect(Collectors.toSet());
            assertThat(events).as(task.getId()).containsExactlyInAnyOrder("create", "assignment", "complete", "delete");
            JsonNode form = json.readTree(FORMS.resolve(task.getId() + ".form").toFile());
            assertThat(form.path("id").asText()).isEqualTo(task.getId());
            assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
            for (JsonNode component : form.path("components")) {
                if (PurchaseProcess.Vars.DECISION.equals(component.path("key").asText())) {
                    for (JsonNode value : component.path("values")) {
                        assertThat(decisions).as(task.getId() + ".form").contains(value.path("value").asText());
                    }
                }
            }
        }
    }

    @Test
    void expressionsCallOnlyTheBeansAndReadOnlyTheVariablesOfTheContract() {
        Set<String> beans = constants(PurchaseProcess.Beans.class);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            Matcher m = BEAN.matcher(task.getCamundaDelegateExpression());
            assertThat(m.matches() && beans.contains(m.group(1))).as(task.getId()).isTrue();
        }
        Set<String> vars = constants(PurchaseProcess.Vars.class);
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            String expression = condition.getTextContent().trim();
            Matcher identifier = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*")
                    .matcher(expression.substring(2, expression.length() - 1).replaceAll("'[^']*'", " "));
            while (identifier.find()) {
                assertThat(EL_WORDS.contains(identifier.group()) || vars.contains(identifier.group()))
                        .as(expression + " reads " + identifier.group()).isTrue();
            }
        }
    }

    @Test
    void theMessagesAndErrorsAreThoseOfTheContract() {
        assertThat(model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet()))
                .isEqualTo(constants(PurchaseProcess.Messages.class));
        assertThat(model.getModelElementsByType(ErrorEventDefinition.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getError().getErrorCode()).isEqualTo(PurchaseProcess.Errors.CHALLENGE_UPHELD));
        BoundaryEvent upheld = model.getModelElementById(PurchaseProcess.Elements.CHALLENGE_UPHELD);
        assertThat(upheld.getAttachedTo().getId()).isEqualTo(PurchaseProcess.Elements.CHALLENGE_PERIOD);
        assertThat(upheld.cancelActivity()).isTrue();
    }

    @Test
    void everyEndEventRecordsTheStatus() {
        for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
            boolean listens = end.getExtensionElements() != null && end.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaExecutionListener.class).list().stream()
                    .anyMatch(l -> "start".equals(l.getCamundaEvent())
                            && ("${" + PurchaseProcess.Beans.STATUS_LISTENER + "}").equals(l.getCamundaDelegateExpression()));
            assertThat(listens).as(end.getId()).isTrue();
        }
    }

    @Test
    void overdueAnswersAndSignaturesAreEscalatedWhenDueAndTheTasksStayOpen() {
        record Due(String task, String timer, String escalation) {}
        for (Due due : new Due[] {
                new Due(PurchaseProcess.Tasks.ANSWER_CHALLENGE, PurchaseProcess.Elements.ANSWER_CHALLENGE_DUE,
                        PurchaseProcess.Elements.ANSWER_CHALLENGE_OVERDUE),
                new Due(PurchaseProcess.Tasks.SIGN_CONTRACT, PurchaseProcess.Elements.SIGN_CONTRACT_DUE,
                        PurchaseProcess.Elements.SIGN_CONTRACT_OVERDUE)}) {
            UserTask task = model.getModelElementById(due.task());
            BoundaryEvent timer = model.getModelElementById(due.timer());
            assertThat(timer.getAttachedTo().getId()).isEqualTo(due.task());
            assertThat(timer.cancelActivity()).as(due.timer()).isFalse();
            String timeDate = timer.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                    .map(d -> ((TimerEventDefinition) d).getTimeDate().getTextContent().trim()).findFirst().orElseThrow();
            assertThat(timeDate).as(due.timer() + " fires when the task is due").isEqualTo(task.getCamundaDueDate());
            FlowNode next = timer.getOutgoing().iterator().next().getTarget();
            assertThat(next.getId()).isEqualTo(due.escalation());
            assertThat(((ServiceTask) next).getCamundaDelegateExpression())
                    .isEqualTo("${" + PurchaseProcess.Beans.ESCALATE_OVERDUE + "}");
            // the escalation strips "-overdue" to find the task it flags
            assertThat(due.escalation()).isEqualTo(due.task() + "-overdue");
        }
    }

    @Test
    void aPaymentIsRetriedAsAnIncidentAndTheMilestonesRunInOrder() {
        ServiceTask disburse = model.getModelElementById(PurchaseProcess.Elements.DISBURSE_PAYMENT);
        assertThat(disburse.isCamundaAsyncBefore()).isTrue();
        assertThat(disburse.getCamundaDelegateExpression()).isEqualTo("${" + PurchaseProcess.Beans.DISBURSE_PAYMENT + "}");
        BaseElement milestones = model.getModelElementById(PurchaseProcess.Elements.MILESTONES);
        assertThat(milestones.getDomElement().getChildElementsByNameNs("http://www.omg.org/spec/BPMN/20100524/MODEL",
                "multiInstanceLoopCharacteristics").get(0).getAttribute("isSequential")).isEqualTo("true");
    }

    private static Set<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }
}
