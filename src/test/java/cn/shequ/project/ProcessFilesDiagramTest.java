package cn.shequ.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every BPMN model in processes/ is a diagram a person can read in Camunda Modeler and Cockpit
 * (every flow element drawn, no two shapes on top of each other), and keeps its engine history at
 * least as long as the procurement files it may hold. Also the small DOM helpers that
 * {@link ServiceProjectModelTest} uses.
 */
class ProcessFilesDiagramTest {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    static final Path PROCESSES = Path.of("processes");

    /** Procurement files are kept at least 15 years (采购法 art. 42). */
    static final long PROCUREMENT_RETENTION_DAYS = 15 * 365;

    /** BPMN element types that are flow nodes (drawn as shapes). */
    static final Set<String> FLOW_NODES = Set.of(
            "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
            "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "businessRuleTask",
            "manualTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

    private static final Pattern DAYS = Pattern.compile("^(?:P(\\d+)D|(\\d+))$");

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @Test
    void theModelsAreFound() throws IOException {
        assertTrue(models().anyMatch(m -> m.endsWith("service-project.bpmn")),
                "no processes/service-project.bpmn: is the test running from the project root?");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFlowElementIsDrawn(Path model) {
        Document doc = parse(model);
        Map<String, Element> shapes = byBpmnElement(doc, "BPMNShape");
        Map<String, Element> edges = byBpmnElement(doc, "BPMNEdge");
        List<String> missing = new ArrayList<>();
        for (Element node : flowNodes(doc)) {
            Element shape = shapes.get(node.getAttribute("id"));
            if (shape == null || bounds(shape) == null) {
                missing.add(node.getLocalName() + " " + node.getAttribute("id"));
            }
        }
        for (Element flow : elements(doc, BPMN, "sequenceFlow")) {
            Element edge = edges.get(flow.getAttribute("id"));
            if (edge == null || edge.getElementsByTagNameNS(DI, "waypoint").getLength() < 2) {
                missing.add("sequenceFlow " + flow.getAttribute("id"));
            }
        }
        assertEquals(List.of(), missing, model + ": elements without a shape or edge in the diagram");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shapesDoNotOverlapAndStayInsideTheirSubProcess(Path model) {
        Document doc = parse(model);
        Map<String, Element> shapes = byBpmnElement(doc, "BPMNShape");
        List<String> problems = new ArrayList<>();
        List<Element> containers = new ArrayList<>(elements(doc, BPMN, "process"));
        containers.addAll(elements(doc, BPMN, "subProcess"));
        for (Element container : containers) {
            double[] parent = container.getLocalName().equals("process")
                    ? null : bounds(shapes.get(container.getAttribute("id")));
            List<Element> children = new ArrayList<>();
            for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && BPMN.equals(e.getNamespaceURI()) && FLOW_NODES.contains(e.getLocalName())
                        && shapes.containsKey(e.getAttribute("id"))) {
                    children.add(e);
                }
            }
            for (int i = 0; i < children.size(); i++) {
                Element a = children.get(i);
                double[] ra = bounds(shapes.get(a.getAttribute("id")));
                if (parent != null && ra != null && !inside(ra, parent)) {
                    problems.add(a.getAttribute("id") + " lies outside " + container.getAttribute("id"));
                }
                if (a.getLocalName().equals("boundaryEvent")) {
                    continue; // sits on its host's border by design
                }
                for (int j = i + 1; j < children.size(); j++) {
                    Element b = children.get(j);
                    double[] rb = bounds(shapes.get(b.getAttribute("id")));
                    if (!b.getLocalName().equals("boundaryEvent") && ra != null && rb != null && overlap(ra, rb)) {
                        problems.add(a.getAttribute("id") + " overlaps " + b.getAttribute("id"));
                    }
                }
            }
        }
        assertEquals(List.of(), problems, model + ": the diagram is hard to read");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void historyIsKeptAtLeastAsLongAsProcurementFiles(Path model) {
        List<Element> executable = elements(parse(model), BPMN, "process").stream()
                .filter(p -> "true".equals(p.getAttribute("isExecutable")))
                .toList();
        assertFalse(executable.isEmpty(), model + " has no executable process");
        for (Element process : executable) {
            long days = historyTimeToLiveDays(process);
            assertTrue(days >= PROCUREMENT_RETENTION_DAYS, model + " process " + process.getAttribute("id")
                    + " keeps history " + days + " days, less than 15 years (采购法 art. 42)");
        }
    }

    // ---------------------------------------------------------------- helpers shared with ServiceProjectModelTest

    static Document parse(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            return fail(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** All descendants with that namespace and local name, in document order. */
    static List<Element> elements(Node root, String namespace, String localName) {
        NodeList list = root instanceof Document d
                ? d.getElementsByTagNameNS(namespace, localName)
                : ((Element) root).getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    /** Every flow node of every process, including those inside (event) sub-processes. */
    static List<Element> flowNodes(Document doc) {
        return elements(doc, BPMN, "*").stream().filter(e -> FLOW_NODES.contains(e.getLocalName())).toList();
    }

    static Map<String, Element> byBpmnElement(Document doc, String diType) {
        Map<String, Element> result = new LinkedHashMap<>();
        for (Element e : elements(doc, BPMNDI, diType)) {
            result.put(e.getAttribute("bpmnElement"), e);
        }
        return result;
    }

    /** The camunda:historyTimeToLive of a process in days: a plain number, or P&lt;n&gt;D. */
    static long historyTimeToLiveDays(Element process) {
        String value = process.getAttributeNS(CAMUNDA, "historyTimeToLive").trim();
        Matcher m = DAYS.matcher(value);
        if (!m.matches()) {
            return fail("process " + process.getAttribute("id") + ": camunda:historyTimeToLive '" + value
                    + "' is not a number of days");
        }
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** x, y, width, height of a shape's own bounds (not its label's), or null. */
    private static double[] bounds(Element shape) {
        if (shape == null) {
            return null;
        }
        for (Node n = shape.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DC.equals(e.getNamespaceURI()) && e.getLocalName().equals("Bounds")) {
                return new double[] {
                    Double.parseDouble(e.getAttribute("x")), Double.parseDouble(e.getAttribute("y")),
                    Double.parseDouble(e.getAttribute("width")), Double.parseDouble(e.getAttribute("height"))
                };
            }
        }
        return null;
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private static boolean inside(double[] child, double[] parent) {
        return child[0] >= parent[0] && child[1] >= parent[1]
                && child[0] + child[2] <= parent[0] + parent[2] && child[1] + child[3] <= parent[1] + parent[3];
    }
}
