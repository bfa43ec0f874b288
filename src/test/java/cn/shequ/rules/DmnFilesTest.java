package cn.shequ.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.shequ.rules.Decisions.ApprovalAuthority;
import cn.shequ.rules.Decisions.MeetingOutcome;
import cn.shequ.rules.Decisions.PerformanceGrade;
import cn.shequ.rules.Decisions.ProcurementMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The .dmn files as a reader and a caller see them: a diagram for Camunda Modeler, and the names in {@link Decisions}. */
class DmnFilesTest {

    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

    /** The tables in the source folder processes/ (test resources may add test-only models to the classpath folder). */
    static Stream<String> dmnResources() throws IOException {
        Path folder = Path.of("processes");
        assertTrue(Files.isDirectory(folder), "run from the project folder: processes/ not found");
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".dmn"))
                    .sorted()
                    .map(name -> "processes/" + name)
                    .toList()
                    .stream();
        }
    }


    private static Document read(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = DmnFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the classpath");
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    @Test
    void theFourTablesArePackaged() throws Exception {
        Set<String> packaged = new TreeSet<>(dmnResources().toList());

        assertTrue(packaged.containsAll(Set.of(MeetingOutcome.RESOURCE, ApprovalAuthority.RESOURCE,
                PerformanceGrade.RESOURCE, ProcurementMethod.RESOURCE)), packaged::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dmnResources")
    void everyDecisionHasAShapeInTheDiagram(String resource) throws Exception {
        Document document = read(resource);
        List<String> decisions = elements(document, DMN, "decision").stream()
                .map(decision -> decision.getAttribute("id")).toList();
        Set<String> shapes = new TreeSet<>();
        for (Element shape : elements(document, DMNDI, "DMNShape")) {
            shapes.add(shape.getAttribute("dmnElementRef"));
        }

        assertFalse(decisions.isEmpty(), resource + " has no decision");
        assertFalse(elements(document, DMNDI, "DMNDiagram").isEmpty(), resource + " has no diagram");
        for (String decision : decisions) {
            assertTrue(shapes.contains(decision), resource + ": decision " + decision + " has no DMNShape");
        }
    }

    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of(MeetingOutcome.RESOURCE, MeetingOutcome.ID,
                        List.of(MeetingOutcome.KIND + ":string", MeetingOutcome.ELIGIBLE + ":long",
                                MeetingOutcome.PRESENT + ":long", MeetingOutcome.YES + ":long"),
                        List.of(MeetingOutcome.OUTCOME + ":string", MeetingOutcome.QUORUM + ":boolean",
                                MeetingOutcome.PASSED + ":boolean")),
                Arguments.of(ApprovalAuthority.RESOURCE, ApprovalAuthority.ID,
                        List.of(ApprovalAuthority.AMOUNT + ":double", ApprovalAuthority.CATEGORY + ":string"),
                        List.of(ApprovalAuthority.STREET_OFFICE_REVIEW + ":boolean",
                                ApprovalAuthority.CIVIL_AFFAIRS_REVIEW + ":boolean")),
                Arguments.of(PerformanceGrade.RESOURCE, PerformanceGrade.ID,
                        List.of(PerformanceGrade.SCORE + ":double"),
                        List.of(PerformanceGrade.GRADE + ":string")),
                Arguments.of(ProcurementMethod.RESOURCE, ProcurementMethod.ID,
                        List.of(ProcurementMethod.AMOUNT + ":double", ProcurementMethod.REQUESTED_METHOD + ":string"),
                        List.of(ProcurementMethod.METHOD + ":string",
                                ProcurementMethod.NEEDS_FINANCE_APPROVAL + ":boolean")));
    }

    /** A misspelt input would read as null and could still match a "-" cell, so the names are checked here. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("contracts")
    void theTableUsesTheNamesAndTypesOfDecisions(String resource, String id,
                                                 List<String> inputs, List<String> outputs) throws Exception {
        Document document = read(resource);
        List<Element> decisions = elements(document, DMN, "decision");
        assertEquals(List.of(id), decisions.stream().map(d -> d.getAttribute("id")).toList());

        List<String> actualInputs = elements(document, DMN, "inputExpression").stream()
                .map(expression -> expression.getTextContent().strip() + ":" + expression.getAttribute("typeRef"))
                .toList();
        List<String> actualOutputs = elements(document, DMN, "output").stream()
                .map(output -> output.getAttribute("name") + ":" + output.getAttribute("typeRef"))
                .toList();

        assertEquals(inputs, actualInputs);
        assertEquals(outputs, actualOutputs);
    }
}
