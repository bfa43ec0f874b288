package cn.shequ.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/**
 * Every command class of the engine, classified: those that change a task, an instance, a job or
 * history are governed by {@link CommandGate}; the rest only read, or keep identity and settings (the
 * engine's authorizations). The list of ungoverned commands is kept in
 * {@code engine-commands-ungoverned.txt}: a command a new engine adds, or one renamed, changes it and
 * fails this test until someone has looked at it.
 */
class EngineCommandsTest {

    @Test
    void everyCommandThatChangesATaskOrAnInstanceIsGovernedAndTheRestAreKnown() throws IOException {
        List<Class<?>> commands = engineCommands();
        assertThat(commands).hasSizeGreaterThan(250);

        TreeSet<String> ungoverned = new TreeSet<>();
        commands.stream().filter(c -> !EngineCommands.governs(c)).forEach(c -> ungoverned.add(c.getName()));
        assertThat(String.join("\n", ungoverned)).as("the engine's ungoverned commands (update the file after review)")
                .isEqualTo(String.join("\n", expectedUngoverned()));

        // the commands of the issue's findings, named
        for (String governed : List.of("cmd.HandleTaskBpmnErrorCmd", "cmd.HandleTaskEscalationCmd", "cmd.DelegateTaskCmd",
                "cmd.AssignTaskCmd", "cmd.ClaimTaskCmd", "cmd.SetTaskOwnerCmd", "cmd.SaveTaskCmd", "cmd.DeleteTaskCmd",
                "cmd.SetTaskVariablesCmd", "cmd.SetExecutionVariablesCmd", "cmd.PatchTaskVariablesCmd",
                "cmd.PatchExecutionVariablesCmd", "cmd.RemoveTaskVariablesCmd", "cmd.RemoveExecutionVariablesCmd",
                "cmd.ModifyProcessInstanceCmd", "cmd.ProcessInstanceModificationCmd", "cmd.DeleteProcessInstanceCmd",
                "cmd.DeleteProcessInstancesCmd", "cmd.SuspendProcessInstanceCmd", "cmd.UpdateProcessInstancesSuspendStateCmd",
                "cmd.CorrelateMessageCmd", "cmd.MessageEventReceivedCmd", "cmd.SignalEventReceivedCmd", "cmd.SignalCmd",
                "cmd.SetJobRetriesCmd", "cmd.ExecuteJobsCmd", "cmd.DeleteJobCmd", "cmd.StartProcessInstanceCmd",
                "cmd.StartProcessInstanceAtActivitiesCmd", "cmd.RestartProcessInstancesCmd", "cmd.DeleteHistoricProcessInstancesCmd",
                "cmd.DeployCmd", "cmd.DeleteDeploymentCmd", "cmd.CreateTaskCmd", "cmd.AddGroupIdentityLinkCmd",
                "cmd.DeleteGroupIdentityLinkCmd", "cmd.SetTaskDueDateCmd", "cmd.CompleteTaskCmd", "cmd.SubmitTaskFormCmd",
                "cmd.batch.DeleteProcessInstanceBatchCmd", "migration.MigrateProcessInstanceCmd",
                "cmd.EvaluateStartConditionCmd", "cmd.CheckPassword")) {
            Class<?> type = commands.stream().filter(c -> c.getName().equals("org.camunda.bpm.engine.impl." + governed))
                    .findFirst().orElseThrow(() -> new AssertionError(governed + " is no longer in the engine"));
            assertThat(EngineCommands.governs(type)).as(governed).isEqualTo(!governed.endsWith("CheckPassword"));
        }
        assertThat(EngineCommands.governs(CompleteTaskCmd.class)).isTrue();
    }

    private static List<String> expectedUngoverned() throws IOException {
        try (InputStream in = EngineCommandsTest.class.getResourceAsStream("engine-commands-ungoverned.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            Collections.sort(lines);
            return lines;
        }
    }

    /** The concrete command classes of the engine's jar (org.camunda.bpm.engine.impl and below). */
    static List<Class<?>> engineCommands() throws IOException {
        URL jar = CompleteTaskCmd.class.getResource("CompleteTaskCmd.class");
        JarURLConnection connection = (JarURLConnection) jar.openConnection();
        List<Class<?>> commands = new ArrayList<>();
        try (JarFile file = connection.getJarFile()) {
            file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/camunda/bpm/engine/impl/") && n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .forEach(name -> {
                        try {
                            Class<?> type = Class.forName(name, false, EngineCommandsTest.class.getClassLoader());
                            if (Command.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                                    && (name.contains(".cmd.") || name.endsWith("Cmd") || name.endsWith("Command"))) {
                                commands.add(type);
                            }
                        } catch (ClassNotFoundException | LinkageError e) {
                            // optional dependencies of the engine absent here: not a command Shequ runs
                        }
                    });
        }
        return commands;
    }
}
