package cn.shequ.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.ShequApplication;
import cn.shequ.project.ServiceProjectProcess.Tasks;
import cn.shequ.support.OwnApplicationIT;
import cn.shequ.support.ProjectScenario;
import cn.shequ.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DESIGN.md: two nodes on one database run the same workload with no job run twice and no money
 * moved twice. Two Shequ applications, each with its own engine and job executor, share one
 * database (an H2 file on the H2 leg; on the MariaDB leg the test server, where the shared test
 * context is a third node). Users work on both; the disbursement jobs of 16 milestone payments are
 * taken by whichever job executor gets them first — the first eight piled up while both executors
 * were stopped and then released to both at once, the other eight approved from both nodes at the
 * same time while the executors run.
 */
@OwnApplicationIT
class TwoNodesIT {

    private static final int PROJECTS = 8;

    @TempDir
    Path dataDir;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void sixteenPaymentsApprovedOnTwoNodesAreEachPaidByExactlyOneJobOnce() throws Exception {
        ConfigurableApplicationContext a = start("node-a");
        ConfigurableApplicationContext b = start("node-b");
        ProjectScenario onA = new ProjectScenario(http(a));
        ProjectScenario onB = new ProjectScenario(http(b));

        List<String> codes = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            ProjectScenario here = i % 2 == 0 ? onA : onB;
            ProjectScenario there = i % 2 == 0 ? onB : onA;
            String code = here.inReview(ProjectScenario.proposal("1000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
            there.complete("street1", code, Tasks.STREET_OFFICE_REVIEW, Map.of("decision", "APPROVE", "comment", "同意"));
            here.complete("finance1", code, Tasks.FINANCE_REVIEW, Map.of("decision", "APPROVE"));
            there.reportAndAccept(code, 1);
            codes.add(code);
        }

        // milestone 1: approved with both job executors stopped, then released to both at once
        jobExecutor(a).shutdown();
        jobExecutor(b).shutdown();
        for (int i = 0; i < PROJECTS; i++) {
            (i % 2 == 0 ? onB : onA).complete("finance2", codes.get(i), Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
        }
        jobExecutor(a).start();
        jobExecutor(b).start();
        for (String code : codes) {
            onA.awaitPaid(code, 1);
        }

        // milestone 2: approved on both nodes at the same moment while both executors run
        for (int i = 0; i < PROJECTS; i++) {
            (i % 2 == 0 ? onA : onB).reportAndAccept(codes.get(i), 2);
        }
        ExecutorService finance = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> approvals = new ArrayList<>();
            for (ProjectScenario node : List.of(onA, onB)) {
                int parity = node == onA ? 0 : 1;
                approvals.add(finance.submit(() -> {
                    for (int i = parity; i < PROJECTS; i += 2) {
                        node.complete("finance1", codes.get(i), Tasks.APPROVE_PAYMENT, Map.of("decision", "APPROVE"));
                    }
                }));
            }
            for (Future<?> approval : approvals) {
                approval.get(120, TimeUnit.SECONDS);
            }
        } finally {
            finance.shutdownNow();
        }
        for (String code : codes) {
            onB.awaitPaid(code, 2);
        }

        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        for (String code : codes) {
            // no money moved twice: one DISBURSE per milestone, 400.00 and 600.00, and nothing more
            List<JsonNode> disbursed = onA.ledger("F2026-CITY", code).stream()
                    .filter(e -> "DISBURSE".equals(e.path("type").asText())).toList();
            assertThat(disbursed).as(code).extracting(e -> e.path("milestoneSeq").asInt() + ":" + e.path("amount").asText())
                    .containsExactlyInAnyOrder("1:400.00", "2:600.00");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM milestone_payment WHERE subject_code = ?", Integer.class, code))
                    .isEqualTo(2);
            assertThat(onB.project(code).path("disbursed").asText()).isEqualTo("1000.00");
        }

        // no job run twice: each disbursement job succeeded exactly once, on one node or the other
        String instances = "SELECT ID_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'service-project' AND BUSINESS_KEY_ IN ("
                + String.join(",", codes.stream().map(c -> "'" + c + "'").toList()) + ")";
        List<Map<String, Object>> successes = jdbc.queryForList("SELECT JOB_ID_, HOSTNAME_ FROM ACT_HI_JOB_LOG "
                + "WHERE ACT_ID_ = 'disburse-payment' AND JOB_STATE_ = 2 AND PROCESS_INSTANCE_ID_ IN (" + instances + ")");
        assertThat(successes).hasSize(2 * PROJECTS);
        assertThat(successes.stream().map(s -> s.get("JOB_ID_")).distinct().count()).isEqualTo(2L * PROJECTS);
        Map<Object, Long> byNode = successes.stream().collect(java.util.stream.Collectors.groupingBy(
                s -> String.valueOf(s.get("HOSTNAME_")), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        System.out.println("TwoNodesIT on " + TestDatabase.name() + ": disbursement jobs run per node " + byNode);

        // ADR 0039: each node renders the PDFs it issued after the commit and polls for the rest; every document of
        // these projects gets its PDF, and exactly one file fingerprint in the audit chain (rendered once)
        String subjects = String.join(",", codes.stream().map(c -> "'" + c + "'").toList());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE content IS NULL AND subject_code IN (" + subjects + ")",
                Integer.class) > 0 && System.nanoTime() < deadline) {
            ProjectScenario.pause();
        }
        List<Map<String, Object>> documents = jdbc.queryForList("SELECT id, file_sha256 FROM document WHERE subject_code IN ("
                + subjects + ")");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(4 * PROJECTS).allSatisfy(d -> assertThat(d.get("file_sha256")).isNotNull());
        List<String> renderedEntries = jdbc.queryForList("SELECT details FROM audit_entry WHERE action = 'DOCUMENT_RENDERED' "
                + "AND subject_code IN (" + subjects + ")", String.class);
        for (Map<String, Object> d : documents) {
            String id = "\"documentId\":" + d.get("id") + ",";
            assertThat(renderedEntries.stream().filter(e -> e.contains(id) && e.contains((String) d.get("file_sha256"))))
                    .as("DOCUMENT_RENDERED of document " + d.get("id")).hasSize(1);
        }
        long layouts = a.getBean(cn.shequ.document.DocumentRendering.class).layouts()
                + b.getBean(cn.shequ.document.DocumentRendering.class).layouts();
        System.out.println("TwoNodesIT: " + documents.size() + " documents, PDFs laid out on node-a and node-b: " + layouts);
    }

    private ConfigurableApplicationContext start(String hostname) {
        List<String> args = new ArrayList<>(TestDatabase.applicationArgs(dataDir.toString()));
        args.add("--shequ.demo.finished-project=false");
        args.add("--shequ.demo.open-purchase=false");
        // the name the engine writes into its job log, so that the job log tells the nodes apart
        args.add("--camunda.bpm.generic-properties.properties.hostname=" + hostname);
        // both nodes render PDFs in the background and poll for what the other left (ADR 0039)
        args.add("--shequ.documents.rendering.background=true");
        args.add("--shequ.documents.rendering.poll-interval=2s");
        ConfigurableApplicationContext node = new SpringApplicationBuilder(ShequApplication.class).run(args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static TestRestTemplate http(ConfigurableApplicationContext node) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    private static JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
    }
}
