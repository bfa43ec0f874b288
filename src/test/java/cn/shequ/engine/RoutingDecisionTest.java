package cn.shequ.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A step's routing decision lives only until the gateway after its task (ADR 0061: a transient variable, never
 * stored): that holds only while every gateway whose conditions read it is reached from a user task in the same
 * transaction — its incoming flows come from user tasks (or from such gateways), nothing asynchronous between.
 * A model changed otherwise (a timer, a message, an async continuation before such a gateway) fails here, naming
 * the gateway, instead of failing a completion with an unknown variable.
 */
class RoutingDecisionTest {

    @Test
    void everyGatewayThatRoutesOnADecisionFollowsItsUserTaskInTheSameTransaction() throws IOException {
        List<String> problems = new ArrayList<>();
        int gateways = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                    boolean routesOnDecision = gateway.getOutgoing().stream().anyMatch(RoutingDecisionTest::readsDecision);
                    if (routesOnDecision) {
                        gateways++;
                        check(file.getFileName() + " " + gateway.getId(), gateway, problems);
                    }
                }
            }
        }
        assertThat(gateways).as("gateways that route on a decision").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    private static void check(String where, FlowNode node, List<String> problems) {
        if (node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "asyncBefore") != null
                && Boolean.parseBoolean(node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "asyncBefore"))) {
            problems.add(where + ": " + node.getId() + " is asynchronous");
        }
        for (SequenceFlow in : node.getIncoming()) {
            FlowNode source = in.getSource();
            if (source instanceof UserTask task) {
                if (Boolean.parseBoolean(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "asyncAfter"))) {
                    problems.add(where + ": " + task.getId() + " continues asynchronously");
                }
            } else if (source instanceof Gateway gateway) {
                check(where, gateway, problems);
            } else {
                problems.add(where + ": reached from " + source.getElementType().getTypeName() + " " + source.getId()
                        + ", not from the user task whose decision it reads");
            }
        }
    }

    private static boolean readsDecision(SequenceFlow flow) {
        return flow.getConditionExpression() != null && flow.getConditionExpression().getTextContent().matches("(?s).*\\bdecision\\b.*");
    }
}
