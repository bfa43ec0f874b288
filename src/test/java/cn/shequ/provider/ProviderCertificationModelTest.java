package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.provider.ProviderCertificationProcess.Beans;
import cn.shequ.provider.ProviderCertificationProcess.Decision;
import cn.shequ.provider.ProviderCertificationProcess.Elements;
import cn.shequ.provider.ProviderCertificationProcess.Tasks;
import cn.shequ.provider.ProviderCertificationProcess.Vars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * processes/provider-certification.bpmn against its contract, {@link ProviderCertificationProcess},
 * and its form: the names the Java code uses are the names in the model, the diagram is drawn,
 * the user task can be worked in Tasklist, and the timers wait for the dates the certification sets.
 * (ProcessFilesDiagramTest checks overlaps and history for every model.)
 */
class ProviderCertificationModelTest {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Path MODEL = Path.of(ProviderCertificationProcess.RESOURCE);
    static final Path FORMS = Path.of("forms");

    /** Procurement files are kept at least 15 years (采购法 art. 42); a provider's certification is one of them. */
    static final long RETENTION_DAYS = 15 * 365;
    static final Set<String> TASK_EVENTS = Set.of("create", "assignment", "complete", "delete");
    static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent", "userTask",
            "serviceTask", "exclusiveGateway");
    static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$");

    static Document doc;
    static Element process;

    @BeforeAll
    static void readModel() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        doc = factory.newDocumentBuilder().parse(MODEL.toFile());
        process = elements(doc, BPMN, "process").stream()
                .filter(p -> p.getAttribute("id").equals(ProviderCertificationProcess.PROCESS_ID)).findFirst()
                .orElseThrow(() -> new AssertionError(MODEL + " has no process " + ProviderCertificationProcess.PROCESS_ID));
    }

    @Test
    void camundaReadsAndValidatesTheModel() {
        BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
        Bpmn.validateModel(model);
        Process p = model.getModelElementById(ProviderCertificationProcess.PROCESS_ID);
        assertThat(p.isExecutable()).isTrue();
        assertThat(p.isCamundaStartableInTasklist()).as("started by POST /api/providers only").isFalse();
    }

    @Test
    void everyFlowNodeAndSequenceFlowIsDrawn() {
        Set<String> shapes = diagram("BPMNShape");
        Set<String> edges = diagram("BPMNEdge");
        List<String> undrawn = new ArrayList<>();
        elements(process, BPMN, "*").stream().filter(e -> FLOW_NODES.contains(e.getLocalName()))
                .map(e -> e.getAttribute("id")).filter(id -> !shapes.contains(id)).forEach(undrawn::add);
        elements(process, BPMN, "sequenceFlow").stream().map(e -> e.getAttribute("id"))
                .filter(id -> !edges.contains(id)).forEach(undrawn::add);
        assertThat(undrawn).as("flow nodes without a shape, flows without an edge").isEmpty();
    }

    @Test
    void theUserTasksAreTheTaskKeysAndEveryElementConstantIsInTheModel() {
        assertThat(ids(elements(process, BPMN, "userTask"))).isEqualTo(constants(Tasks.class));
        assertThat(ids(elements(process, BPMN, "*"))).containsAll(constants(Elements.class));
        assertThat(elements(process, BPMN, "startEvent")).extracting(e -> e.getAttribute("id")).containsExactly(Elements.START);
    }

    @Test
    void certificationIsCivilAffairsWorkWithItsFormAndTheTaskListener() {
        Element task = byId(Tasks.CERTIFY_PROVIDER);
        assertThat(task.getAttributeNS(CAMUNDA, "candidateGroups")).isEqualTo("civil-affairs");
        assertThat(task.getAttributeNS(CAMUNDA, "formRef")).isEqualTo(Tasks.CERTIFY_PROVIDER);
        assertThat(task.getAttributeNS(CAMUNDA, "formRefBinding")).isEqualTo("deployment");
        Set<String> events = elements(task, CAMUNDA, "taskListener").stream()
                .filter(l -> ("${" + Beans.TASK_LIFECYCLE + "}").equals(l.getAttribute("delegateExpression")))
                .map(l -> l.getAttribute("event")).collect(Collectors.toSet());
        assertThat(events).isEqualTo(TASK_EVENTS);
    }

    @Test
    void theFormIsThereAndOffersExactlyTheDecisionsTheGatewayTests() throws Exception {
        JsonNode form = new ObjectMapper().readTree(FORMS.resolve(Tasks.CERTIFY_PROVIDER + ".form").toFile());
        assertThat(form.path("id").asText()).isEqualTo(Tasks.CERTIFY_PROVIDER);
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        Set<String> offered = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        for (JsonNode component : form.path("components")) {
            keys.add(component.path("key").asText());
            if (Vars.DECISION.equals(component.path("key").asText())) {
                component.path("values").forEach(v -> offered.add(v.path("value").asText()));
            }
        }
        assertThat(offered).isEqualTo(constants(Decision.class));
        assertThat(keys).contains(Vars.DECISION, Vars.COMMENT);
        Set<String> tested = new TreeSet<>();
        Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(String.join(" ", conditions().values()));
        while (m.find()) {
            tested.add(m.group(1));
        }
        assertThat(tested).isEqualTo(constants(Decision.class));
    }

    @Test
    void conditionsReadOnlyTheVariablesOfTheContract() {
        Map<String, String> conditions = conditions();
        assertThat(conditions).isNotEmpty();
        conditions.forEach((flow, expression) -> {
            String bare = expression.replaceAll("'[^']*'", " ").replaceAll("[${}=!&|()]", " ");
            for (String word : bare.trim().split("\\s+")) {
                assertThat(constants(Vars.class)).as(flow + ": " + expression).contains(word);
            }
        });
    }

    @Test
    void delegateExpressionsCallOnlyTheBeansOfTheContract() {
        Map<String, String> unknown = new TreeMap<>();
        int count = 0;
        for (Element e : elements(process, "*", "*")) {
            if (e.hasAttributeNS(CAMUNDA, "delegateExpression")) {
                count++;
                Matcher m = BEAN.matcher(e.getAttributeNS(CAMUNDA, "delegateExpression"));
                if (!m.matches() || !constants(Beans.class).contains(m.group(1))) {
                    unknown.put(owner(e), e.getAttributeNS(CAMUNDA, "delegateExpression"));
                }
            }
        }
        assertThat(count).isPositive();
        assertThat(unknown).isEmpty();
    }

    @Test
    void theCertifiedPathRemindsThenExpiresAndTheTimersWaitForTheRecordedDates() {
        assertThat(path(Elements.RECORD_CERTIFICATION)).containsExactly(Elements.RECORD_CERTIFICATION, Elements.REMINDER_DUE,
                Elements.REMIND_EXPIRY, Elements.CERTIFICATION_RUNS_OUT, Elements.EXPIRE_CERTIFICATION, Elements.ENDED_EXPIRED);
        assertThat(timeDate(Elements.REMINDER_DUE)).isEqualTo("${" + Vars.REMINDER_AT + "}");
        assertThat(timeDate(Elements.CERTIFICATION_RUNS_OUT)).isEqualTo("${" + Vars.EXPIRES_AT + "}");
        assertThat(byId(Elements.RECORD_CERTIFICATION).getAttributeNS(CAMUNDA, "delegateExpression"))
                .isEqualTo("${" + Beans.RECORD_CERTIFICATION + "}");
        assertThat(byId(Elements.REMIND_EXPIRY).getAttributeNS(CAMUNDA, "delegateExpression"))
                .isEqualTo("${" + Beans.REMIND_EXPIRY + "}");
        assertThat(byId(Elements.EXPIRE_CERTIFICATION).getAttributeNS(CAMUNDA, "delegateExpression"))
                .isEqualTo("${" + Beans.EXPIRE_CERTIFICATION + "}");
        assertThat(target(Elements.DECISION, "${decision == 'REFUSE'}")).isEqualTo(Elements.ENDED_REFUSED);
        assertThat(target(Elements.DECISION, "${decision == 'CERTIFY'}")).isEqualTo(Elements.RECORD_CERTIFICATION);
    }

    @Test
    void historyIsKeptAtLeastFifteenYears() {
        assertThat(Long.parseLong(process.getAttributeNS(CAMUNDA, "historyTimeToLive"))).isGreaterThanOrEqualTo(RETENTION_DAYS);
    }

    // ---------------------------------------------------------------- helpers

    /** The flow nodes from {@code from} along single outgoing flows, to the end. */
    private static List<String> path(String from) {
        List<String> path = new ArrayList<>();
        for (String id = from; id != null; ) {
            path.add(id);
            String source = id;
            List<Element> out = elements(process, BPMN, "sequenceFlow").stream()
                    .filter(f -> f.getAttribute("sourceRef").equals(source)).toList();
            assertThat(out.size()).as(id + " outgoing flows").isLessThanOrEqualTo(1);
            id = out.isEmpty() ? null : out.get(0).getAttribute("targetRef");
        }
        return path;
    }

    private static String target(String gateway, String condition) {
        return elements(process, BPMN, "sequenceFlow").stream()
                .filter(f -> f.getAttribute("sourceRef").equals(gateway))
                .filter(f -> elements(f, BPMN, "conditionExpression").stream().anyMatch(c -> c.getTextContent().trim().equals(condition)))
                .map(f -> f.getAttribute("targetRef")).findFirst().orElse(null);
    }

    private static String timeDate(String event) {
        List<Element> timers = elements(byId(event), BPMN, "timeDate");
        assertThat(timers).as(event + " is a timer with a date").hasSize(1);
        return timers.get(0).getTextContent().trim();
    }

    private static Map<String, String> conditions() {
        Map<String, String> conditions = new TreeMap<>();
        for (Element c : elements(process, BPMN, "conditionExpression")) {
            conditions.put(owner(c), c.getTextContent().trim());
        }
        return conditions;
    }

    private static Element byId(String id) {
        return elements(doc, "*", "*").stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no element " + id + " in " + MODEL));
    }

    private static Set<String> diagram(String type) {
        return elements(doc, BPMNDI, type).stream().map(e -> e.getAttribute("bpmnElement")).collect(Collectors.toSet());
    }

    private static List<Element> elements(Node root, String namespace, String localName) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(namespace, localName)
                : ((Element) root).getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    private static Set<String> ids(List<Element> elements) {
        return elements.stream().map(e -> e.getAttribute("id")).filter(id -> !id.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

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
        assertThat(values).as("constants of " + holder.getSimpleName()).isNotEmpty();
        return values;
    }

    private static String owner(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("id")) {
                return el.getAttribute("id");
            }
        }
        return e.getLocalName();
    }
}
