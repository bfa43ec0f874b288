package cn.shequ.support;

import cn.shequ.project.ServiceProjectProcess;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmarks' bulk rows, written straight into the tables in multi-row INSERTs (the driver
 * runs without {@code rewriteBatchedStatements}) and removed again by their prefix: open tasks in
 * Shequ's task index, and an area of streets and communities with their projects.
 */
public final class SyntheticRows {

    /** The subject codes and task ids of {@link #openTasks}. */
    public static final String TASK_PREFIX = "BM-";
    /** The codes of {@link #area}'s streets, communities and projects. */
    public static final String AREA_PREFIX = "BP";

    private final JdbcTemplate jdbc;

    public SyntheticRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code count} open tasks in the task index, spread over the groups and 50 communities
     * (C001 and C002 are the demo's), one in ten assigned, created three minutes apart from
     * 2026-01-05 with a due date 14 days later.
     */
    public void openTasks(int count) {
        removeOpenTasks();
        Random random = new Random(42);
        String[] groups = {"committee", "committee", "committee", "committee", "street-office", "civil-affairs",
            "finance", "finance", "auditor", "provider"};
        LocalDateTime start = LocalDateTime.of(2026, 1, 5, 9, 0);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String group = groups[random.nextInt(groups.length)];
            String community = "C%03d".formatted(1 + random.nextInt(50));
            boolean assigned = random.nextInt(10) == 0;
            String assignee = assigned ? (group.equals("finance") ? "finance" + (1 + random.nextInt(2)) : "user" + random.nextInt(500)) : null;
            rows.add(new Object[] {"bm-" + i, group, ServiceProjectProcess.Tasks.APPROVE_PAYMENT, "财政审批拨付", TASK_PREFIX + i, community, assignee,
                Timestamp.valueOf(start.plusMinutes(i * 3L)), Timestamp.valueOf(start.plusDays(14).plusMinutes(i * 3L)), false});
        }
        insert("work_item (task_id, candidate_group, task_key, name, subject_code, community_code, assignee, created, due, escalated)", rows);
        analyze("work_item");
    }

    public void removeOpenTasks() {
        jdbc.update("DELETE FROM work_item WHERE subject_code LIKE '" + TASK_PREFIX + "%'");
    }

    /**
     * An area the size of a district: four more streets in district D01 beside the demo's S01, 48
     * more communities (8 of them in S01, so that S01 has ten), and {@code projects} projects spread
     * evenly over the 50 communities, of every status, created an hour apart over the last years.
     */
    public void area(int projects) {
        removeArea();
        List<Object[]> streets = new ArrayList<>();
        for (int s = 1; s <= 4; s++) {
            streets.add(new Object[] {AREA_PREFIX + "S" + s, "基准街道" + s, "D01"});
        }
        insert("street_office (code, name, district_code)", streets);
        List<String> communities = new ArrayList<>(List.of("C001", "C002"));
        List<Object[]> rows = new ArrayList<>();
        for (int c = 1; c <= 48; c++) {
            String code = AREA_PREFIX + "C%02d".formatted(c);
            communities.add(code);
            rows.add(new Object[] {code, "基准社区" + c, "基准" + c, c <= 8 ? "S01" : AREA_PREFIX + "S" + (1 + (c - 9) / 10)});
        }
        insert("community (code, name, short_name, street_code)", rows);
        String[] statuses = {"DRAFT", "IN_REVIEW", "APPROVED", "IN_DELIVERY", "IN_DELIVERY", "CLOSED", "CLOSED", "CLOSED",
            "REJECTED", "WITHDRAWN"};
        LocalDateTime start = LocalDateTime.of(2022, 1, 3, 9, 0);
        Random random = new Random(3);
        List<Object[]> projectRows = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            String status = statuses[random.nextInt(statuses.length)];
            boolean funded = status.equals("IN_DELIVERY") || status.equals("CLOSED");
            String amount = "%d.00".formatted(10_000 + random.nextInt(90) * 1000);
            Timestamp at = Timestamp.valueOf(start.plusHours(p * 4L));
            projectRows.add(new Object[] {AREA_PREFIX + "-%06d".formatted(p), "基准测试项目 " + p, "ELDERLY_CARE",
                communities.get(p % communities.size()), "基准", "基准", amount, "F2026-CITY", "SELF", "2026-12-01", "2027-06-30",
                status, "committee" + (1 + random.nextInt(3)), funded ? amount : "0.00",
                status.equals("CLOSED") ? amount : "0.00", at, at});
        }
        insert("project (code, title, category, community_code, beneficiaries, description, amount, fund_code, delivery_mode, "
                + "planned_start, planned_end, status, author, reserved_amount, disbursed_amount, created_at, updated_at)",
                projectRows);
        analyze("street_office, community, project");
    }

    public void removeArea() {
        jdbc.update("DELETE FROM project WHERE code LIKE '" + AREA_PREFIX + "-%'");
        jdbc.update("DELETE FROM community WHERE code LIKE '" + AREA_PREFIX + "C%'");
        jdbc.update("DELETE FROM street_office WHERE code LIKE '" + AREA_PREFIX + "S%'");
    }

    /** Inserts {@code rows} into {@code tableAndColumns} 500 rows a statement; clears {@code rows}. */
    public void insert(String tableAndColumns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            String one = "(" + "?,".repeat(chunk.get(0).length - 1) + "?)";
            jdbc.update("INSERT INTO " + tableAndColumns + " VALUES " + String.join(",", Collections.nCopies(chunk.size(), one)),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
        rows.clear();
    }

    /** Fresh statistics on MariaDB, so that its plans see the rows just written. */
    public void analyze(String tables) {
        if (TestDatabase.isMariaDb()) {
            jdbc.execute("ANALYZE TABLE " + tables);
        }
    }
}
