package cn.shequ.project;

import static cn.shequ.project.ProcessFilesDiagramTest.BPMN;
import static cn.shequ.project.ProcessFilesDiagramTest.CAMUNDA;
import static cn.shequ.project.ProcessFilesDiagramTest.byBpmnElement;
import static cn.shequ.project.ProcessFilesDiagramTest.elements;
import static cn.shequ.project.ProcessFilesDiagramTest.flowNodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * processes/service-project.bpmn against its contract, {@link ServiceProjectProcess}, and its forms:
 * the names the Java code uses are the names in the model, and every user task can be worked in
 * Camunda Tasklist with its own form. No engine: the model is read as XML (and once by Camunda's
 * model API, which validates it against the BPMN schema).
 */
class ServiceProjectModelTest {

    private static final Path MODEL = Path.of(ServiceProjectProcess.RESOURCE);
    private static final Path FORMS = Path.of("forms");

    /** Accounting vouchers and ledgers are kept 30 years (会计档案管理办法 art. 14); this process moves money. */
    private static final long ACCOUNTING_RETENTION_DAYS = 30 * 365;

    private static final Set<String> TASK_EVENTS = Set.of("create", "assignment", "complete", "delete");
    private static final Set<String> EL_WORDS = Set.of(
            "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "empty", "div", "mod",
            "instanceof");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$");
    private static final Pattern BEAN_METHOD_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\.[A-Za-z_]+\\(\\)\\}$");

    private static Document doc;
    private static Element process;
    private static Map<String, Element> byId;

    @BeforeAll
    static void readModel() {
        doc = ProcessFilesDiagramTest.parse(MODEL);
        process = elements(doc, BPMN, "process").stream()
                .filter(p -> p.getAttribute("id").equals(ServiceProjectProcess.PROCESS_ID))
                .findFirst()
                .orElseThrow(() -> new AssertionError(MODEL + " has no process " + ServiceProjectProcess.PROCESS_ID));
        byId = new HashMap<>();
        for (Element e : elements(doc, "*", "*")) {
            if (e.hasAttribute("id")) {
                byId.put(e.getAttribute("id"), e);
            }
        }
    }

    @Test
    void camundaReadsAndValidatesTheModel() {
        BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
        Bpmn.validateModel(model);
        Process p = model.getModelElementById(ServiceProjectProcess.PROCESS_ID);
        assertNotNull(p, "process " + ServiceProjectProcess.PROCESS_ID);
        assertTrue(p.isExecutable(), "the process must be executable");
    }

    @Test
    void everyFlowNodeAndSequenceFlowIsDrawn() {
        Set<String> shapes = byBpmnElement(doc, "BPMNShape").keySet();
        Set<String> edges = byBpmnElement(doc, "BPMNEdge").keySet();
        List<String> undrawn = new ArrayList<>();
        flowNodes(doc).stream().map(e -> e.getAttribute("id")).filter(id -> !shapes.contains(id)).forEach(undrawn::add);
        elements(process, BPMN, "sequenceFlow").stream()
                .map(e -> e.getAttribute("id")).filter(id -> !edges.contains(id)).forEach(undrawn::add);
        assertEquals(List.of(), undrawn, "flow nodes without a BPMNShape, sequence flows without a BPMNEdge");
    }

    @Test
    void theUserTasksAreExactlyTheTaskKeysOfTheApi() {
        Set<String> userTasks = ids(elements(process, BPMN, "userTask"));
        assertEquals(constants(ServiceProjectProcess.Tasks.class), userTasks,
                "user-task ids must be the task keys of ServiceProjectProcess.Tasks (API.md)");
    }

    @Test
    void everyElementConstantIsAnElementOfTheProcess() {
        Set<String> inProcess = ids(elements(process, BPMN, "*"));
        Set<String> missing = new TreeSet<>(constants(ServiceProjectProcess.Elements.class));
        missing.removeAll(inProcess);
        assertEquals(Set.of(), missing, "ServiceProjectProcess.Elements not found in " + MODEL);
    }

    @Test
    void everyUserTaskUsesItsDeployedFormAndTheTaskLifecycleListener() {
        String lifecycle = "${" + ServiceProjectProcess.Beans.TASK_LIFECYCLE + "}";
        for (Element task : elements(process, BPMN, "userTask")) {
            String key = task.getAttribute("id");
            assertEquals(key, task.getAttributeNS(CAMUNDA, "formRef"), key + ": camunda:formRef");
            assertEquals("deployment", task.getAttributeNS(CAMUNDA, "formRefBinding"), key + ": camunda:formRefBinding");
            Set<String> events = elements(task, CAMUNDA, "taskListener").stream()
                    .filter(l -> lifecycle.equals(l.getAttribute("delegateExpression")))
                    .map(l -> l.getAttribute("event"))
                    .collect(Collectors.toSet());
            assertEquals(TASK_EVENTS, events, key + ": task listeners " + lifecycle);
        }
    }

    @Test
    void historyIsKeptThirtyYearsBecauseTheProcessMovesMoney() {
        long days = ProcessFilesDiagramTest.historyTimeToLiveDays(process);
        assertTrue(days >= ACCOUNTING_RETENTION_DAYS,
                "historyTimeToLive " + days + " days is shorter than 30 years (会计档案管理办法 art. 14)");
    }

    @Test
    void everyUserTaskHasItsFormFile() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String key : ids(elements(process, BPMN, "userTask"))) {
            Path file = FORMS.resolve(key + ".form");
            assertTrue(Files.isRegularFile(file), "missing form " + file);
            JsonNode form;
            try {
                form = json.readTree(file.toFile());
            } catch (Exception e) {
                form = fail(file + " is not JSON: " + e.getMessage());
            }
            assertEquals(key, form.path("id").asText(), file + ": the form id is what camunda:formRef points at");
            assertTrue(form.path("components").isArray() && !form.path("components").isEmpty(), file + ": no components");
        }
    }

    @Test
    void theDecisionsOfferedByTheFormsAreThoseTheGatewaysTest() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> decisions = constants(ServiceProjectProcess.Decision.class);
        for (String key : ids(elements(process, BPMN, "userTask"))) {
            for (JsonNode component : json.readTree(FORMS.resolve(key + ".form").toFile()).path("components")) {
                if (ServiceProjectProcess.Vars.DECISION.equals(component.path("key").asText())) {
                    for (JsonNode value : component.path("values")) {
                        assertTrue(decisions.contains(value.path("value").asText()),
                                key + ".form offers decision " + value.path("value") + " that is not in ServiceProjectProcess.Decision");
                    }
                }
            }
        }
    }

    @Test
    void theMessagesUsedAreTheMessagesOfTheContract() {
        Map<String, String> nameById = new HashMap<>();
        for (Element message : elements(doc, BPMN, "message")) {
            nameById.put(message.getAttribute("id"), message.getAttribute("name"));
        }
        Set<String> used = new TreeSet<>();
        for (Element e : elements(process, BPMN, "*")) {
            if (e.hasAttribute("messageRef")) {
                String name = nameById.get(e.getAttribute("messageRef"));
                assertNotNull(name, e.getAttribute("id") + " refers to an undefined message " + e.getAttribute("messageRef"));
                used.add(name);
            }
        }
        assertEquals(constants(ServiceProjectProcess.Messages.class), used, "message names");
    }

    @Test
    void delegateExpressionsCallOnlyTheBeansOfTheContract() {
        Set<String> beans = constants(ServiceProjectProcess.Beans.class);
        Map<String, String> unknown = new TreeMap<>();
        int delegates = 0;
        for (Element e : elements(process, "*", "*")) {
            if (!e.hasAttributeNS(CAMUNDA, "delegateExpression")) {
                continue;
            }
            delegates++;
            String expression = e.getAttributeNS(CAMUNDA, "delegateExpression");
            Matcher m = BEAN_EXPRESSION.matcher(expression);
            if (!m.matches() || !beans.contains(m.group(1))) {
                unknown.put(owner(e), expression);
            }
        }
        assertTrue(delegates > 0, "no delegate expressions found: is the camunda namespace right?");
        assertEquals(Map.of(), unknown, "delegate expressions that are not ${<bean of ServiceProjectProcess.Beans>}");
    }

    @Test
    void conditionsReadOnlyTheVariablesOfTheContract() {
        Set<String> vars = constants(ServiceProjectProcess.Vars.class);
        Map<String, String> unknown = new TreeMap<>();
        List<Element> conditions = elements(process, BPMN, "conditionExpression");
        assertFalse(conditions.isEmpty(), "no conditions found");
        for (Element condition : conditions) {
            String expression = condition.getTextContent().trim();
            assertTrue(expression.startsWith("${") && expression.endsWith("}"), "not an expression: " + expression);
            String withoutStrings = expression.substring(2, expression.length() - 1).replaceAll("'[^']*'", " ");
            Matcher identifier = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(withoutStrings);
            while (identifier.find()) {
                if (!EL_WORDS.contains(identifier.group()) && !vars.contains(identifier.group())) {
                    unknown.put(owner(condition), expression);
                }
            }
        }
        assertEquals(Map.of(), unknown, "conditions reading variables that are not in ServiceProjectProcess.Vars");
    }

    @Test
    void everyEndEventAndThePurchaseRecordTheProjectStatus() {
        String listener = "${" + ServiceProjectProcess.Beans.STATUS_LISTENER + "}";
        List<Element> recording = new ArrayList<>(elements(process, BPMN, "endEvent"));
        recording.add(byId.get(ServiceProjectProcess.Elements.PURCHASE_SERVICE));
        for (Element e : recording) {
            boolean listens = elements(e, CAMUNDA, "executionListener").stream()
                    .anyMatch(l -> "start".equals(l.getAttribute("event")) && listener.equals(l.getAttribute("delegateExpression")));
            assertTrue(listens, e.getAttribute("id") + ": no start execution listener " + listener);
        }
    }

    @Test
    void anOverdueReviewIsEscalatedWhenItIsDueAndStaysOpen() {
        String due = "${" + ServiceProjectProcess.Beans.REVIEW_DEADLINES + ".due()}";
        String escalate = "${" + ServiceProjectProcess.Beans.ESCALATE_OVERDUE_REVIEW + "}";
        Matcher bean = BEAN_METHOD_EXPRESSION.matcher(due);
        assertTrue(bean.matches() && constants(ServiceProjectProcess.Beans.class).contains(bean.group(1)), due);
        record Review(String task, String timer, String escalation) {}
        List<Review> reviews = List.of(
                new Review(ServiceProjectProcess.Tasks.STREET_OFFICE_REVIEW,
                        ServiceProjectProcess.Elements.STREET_OFFICE_REVIEW_DUE, ServiceProjectProcess.Elements.STREET_OFFICE_REVIEW_OVERDUE),
                new Review(ServiceProjectProcess.Tasks.CIVIL_AFFAIRS_REVIEW,
                        ServiceProjectProcess.Elements.CIVIL_AFFAIRS_REVIEW_DUE, ServiceProjectProcess.Elements.CIVIL_AFFAIRS_REVIEW_OVERDUE),
                new Review(ServiceProjectProcess.Tasks.FINANCE_REVIEW,
                        ServiceProjectProcess.Elements.FINANCE_REVIEW_DUE, ServiceProjectProcess.Elements.FINANCE_REVIEW_OVERDUE));
        for (Review r : reviews) {
            String review = r.task();
            String overdue = r.escalation();
            assertEquals(due, byId.get(review).getAttributeNS(CAMUNDA, "dueDate"), review + ": camunda:dueDate");
            Element timer = byId.get(r.timer());
            assertNotNull(timer, r.timer());
            assertEquals("boundaryEvent", timer.getLocalName(), r.timer());
            assertEquals(review, timer.getAttribute("attachedToRef"), r.timer() + " is attached to " + review);
            assertFalse(elements(timer, BPMN, "timerEventDefinition").isEmpty(), r.timer() + " is a timer");
            assertEquals("false", timer.getAttribute("cancelActivity"), review + ": the overdue timer must not cancel the review");
            assertEquals(due, elements(timer, BPMN, "timeDate").get(0).getTextContent().trim(), review + ": timer fires when due");
            String next = elements(process, BPMN, "sequenceFlow").stream()
                    .filter(f -> f.getAttribute("sourceRef").equals(timer.getAttribute("id")))
                    .map(f -> f.getAttribute("targetRef"))
                    .findFirst().orElse(null);
            assertEquals(overdue, next, review + ": the timer leads to the escalation");
            assertEquals(escalate, byId.get(overdue).getAttributeNS(CAMUNDA, "delegateExpression"), overdue);
        }
    }

    @Test
    void aPaymentIsRetriedAsAnIncidentRatherThanRolledBack() {
        Element disburse = byId.get(ServiceProjectProcess.Elements.DISBURSE_PAYMENT);
        assertEquals("true", disburse.getAttributeNS(CAMUNDA, "asyncBefore"), "disburse-payment: camunda:asyncBefore");
        List<Element> retries = elements(disburse, CAMUNDA, "failedJobRetryTimeCycle");
        assertFalse(retries.isEmpty(), "disburse-payment: camunda:failedJobRetryTimeCycle");
        assertEquals("R3/PT5M", retries.get(0).getTextContent().trim());
    }

    @Test
    void theMilestonesRunOneAfterAnotherWithTheirSequenceNumber() {
        Element milestones = byId.get(ServiceProjectProcess.Elements.MILESTONES);
        Element loop = elements(milestones, BPMN, "multiInstanceLoopCharacteristics").get(0);
        assertEquals("true", loop.getAttribute("isSequential"), "milestones are paid in order");
        assertEquals("${" + ServiceProjectProcess.Vars.MILESTONE_COUNT + "}",
                elements(loop, BPMN, "loopCardinality").get(0).getTextContent().trim());
        boolean seq = elements(milestones, CAMUNDA, "inputParameter").stream()
                .anyMatch(p -> ServiceProjectProcess.Vars.MILESTONE_SEQ.equals(p.getAttribute("name"))
                        && "${loopCounter + 1}".equals(p.getTextContent().trim()));
        assertTrue(seq, "milestones: input parameter " + ServiceProjectProcess.Vars.MILESTONE_SEQ + " = ${loopCounter + 1}");
    }

    /**
     * The committee's tasks are offered to the committee of the project's community from their creation, by the bean
     * of the contract (ADR 0065): no user task names the group of every committee, which Tasklist would then list to
     * all committees (and whose swap at creation wrote two more history rows a task); the other tasks name a group.
     */
    @Test
    void theCommitteesTasksAreOfferedToTheCommitteeOfTheProjectsCommunity() {
        String committeeOfTheProject = "${" + ServiceProjectProcess.Beans.COMMITTEE_GROUP + ".of(execution)}";
        Set<String> committeeTasks = Set.of(ServiceProjectProcess.Tasks.RECORD_RESIDENT_MEETING,
                ServiceProjectProcess.Tasks.REPORT_MILESTONE, ServiceProjectProcess.Tasks.ACCEPT_MILESTONE,
                ServiceProjectProcess.Tasks.FINAL_ACCEPTANCE, ServiceProjectProcess.Tasks.RECTIFY);
        Map<String, String> offered = new TreeMap<>();
        for (Element task : elements(process, BPMN, "userTask")) {
            offered.put(task.getAttribute("id"), task.getAttributeNS(CAMUNDA, "candidateGroups"));
        }
        for (Map.Entry<String, String> task : offered.entrySet()) {
            if (committeeTasks.contains(task.getKey())) {
                assertEquals(committeeOfTheProject, task.getValue(), task.getKey() + ": camunda:candidateGroups");
            } else if (!task.getValue().isEmpty()) {
                assertTrue(cn.shequ.identity.Groups.BUSINESS.containsKey(task.getValue())
                        && !cn.shequ.identity.Groups.COMMITTEE.equals(task.getValue()), task.getKey() + ": " + task.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The values of the public static String constants of one of the nested classes of the contract. */
    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertFalse(values.isEmpty(), "no constants in " + holder.getSimpleName());
        return values;
    }

    private static Set<String> ids(List<Element> elements) {
        return elements.stream().map(e -> e.getAttribute("id")).filter(id -> !id.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The id of the element, or of its nearest ancestor with an id (for listeners and conditions). */
    private static String owner(Element e) {
        for (org.w3c.dom.Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("id")) {
                return el.getAttribute("id") + (n == e ? "" : " (" + e.getLocalName() + ")");
            }
        }
        return e.getLocalName();
    }
}
