package cn.shequ.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.shequ.ShequApplication;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Issue 10 finding 6: on the default H2 file database an approval already answered 200 was gone
 * after kill -9. Shequ runs here as a JVM of its own on the default configuration (application.yaml,
 * H2 file under a data folder); finance2 approves a milestone payment, and on the 200 the process is
 * killed with SIGKILL ({@link Process#destroyForcibly()}), restarted on the same folder and asked
 * whether the approval is still there: the task gone, the milestone APPROVED. Five times, one project
 * each, all prepared in the first run. The job executor stays off until the last start, so what the
 * restart finds is exactly what the approval committed; the last start pays the five disbursements,
 * each with one DISBURSE line. H2 only: MariaDB's durability is the server's
 * {@code innodb_flush_log_at_trx_commit} (docs/durability.md).
 */
@OwnApplicationIT
class PaymentApprovalKillIT {

    private static final int KILLS = 5;
    private static final String FUND = "F2026-CITY";

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    @Test
    void anApprovalAnswered200SurvivesKill9FiveTimes() throws Exception {
        assumeFalse(TestDatabase.isMariaDb(), "kill -9 on the default H2 database: H2 leg only");
        Path data = Files.createDirectories(work.resolve("data"));

        Node node = start(data, 0, false);
        ProjectScenario scenario = node.scenario();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            String code = scenario.inReview(ProjectScenario.proposal("1000.00", "ELDERLY_CARE", FUND, "SELF"));
            scenario.approve(code);
            scenario.reportAndAccept(code, 1);
            codes.add(code);
        }

        for (int i = 0; i < KILLS; i++) {
            String code = codes.get(i);
            scenario.complete("finance2", code, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
            node.kill();

            node = start(data, i + 1, i + 1 == KILLS);
            scenario = node.scenario();
            JsonNode project = scenario.project(code);
            assertThat(scenario.openTaskKeys(code)).as("kill %d: %s after restart (%s)", i + 1, code, node.log)
                    .doesNotContain(ServiceProjectProcess.Tasks.APPROVE_PAYMENT);
            assertThat(project.path("milestones").get(0).path("status").asText())
                    .as("kill %d: milestone 1 of %s after restart", i + 1, code)
                    .isIn(Milestone.APPROVED, Milestone.PAID);
        }

        // the last start runs the job executor: each approval is paid once, with its ledger line
        // (five disbursements with their vouchers, one after the other: minutes on a loaded CI machine)
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        for (String code : codes) {
            while (!Milestone.PAID.equals(scenario.project(code).path("milestones").get(0).path("status").asText())) {
                assertThat(Instant.now()).as("milestone 1 of %s paid after the last start", code).isBefore(deadline);
                ProjectScenario.pause();
            }
            assertThat(scenario.ledger(FUND, code).stream().filter(e -> "DISBURSE".equals(e.path("type").asText())))
                    .as(code).extracting(e -> e.path("milestoneSeq").asInt() + ":" + e.path("amount").asText())
                    .containsExactly("1:400.00");
        }
    }

    /** One run of Shequ in its own JVM on {@code data}, with the default configuration. */
    private Node start(Path data, int run, boolean jobs) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("node-" + run + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", applicationClassPath(),
                ShequApplication.class.getName(),
                "--server.port=" + port,
                "--shequ.data-dir=" + data,
                "--shequ.demo.finished-project=false",
                "--shequ.demo.open-purchase=false",
                "--camunda.bpm.job-execution.enabled=" + jobs,
                // one job at a time: five disbursements from one fund at once wait on its row lock,
                // and on a loaded machine past H2's lock timeout (then retried only after 5 minutes)
                "--camunda.bpm.job-execution.core-pool-size=1",
                "--camunda.bpm.job-execution.max-pool-size=1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process process = builder.start();
        started.add(process);
        Node node = new Node(process, port, log);
        node.awaitUp();
        return node;
    }

    /**
     * The test JVM's class path without the test classes and resources (their processes/ hold test
     * models that the application would deploy beside its own): target/classes and the dependencies.
     */
    private static String applicationClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private record Node(Process process, int port, Path log) {

        ProjectScenario scenario() {
            return new ProjectScenario(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
        }

        void awaitUp() throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("Shequ exited with " + process.exitValue() + ", see " + log + ":\n" + tail());
                }
                try {
                    HttpURLConnection health = (HttpURLConnection) URI.create("http://localhost:" + port + "/actuator/health")
                            .toURL().openConnection();
                    health.setConnectTimeout(1000);
                    health.setReadTimeout(5000);
                    if (health.getResponseCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new AssertionError("Shequ did not start within 180 s, see " + log + ":\n" + tail());
        }

        /** SIGKILL on Linux: no shutdown hook, no close of the database. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }
}
