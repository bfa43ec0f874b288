package cn.shequ.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.support.ProjectScenario;
import cn.shequ.support.ShequIT;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The records Shequ's statements return are the same whether {@link RecordRows} builds them or MyBatis does (ADR 0068),
 * on H2 and on MariaDB: a project with its milestones, budget, task index rows, documents and audit entries, users'
 * affiliations and communities, as a clerk's pages show them.
 */
@ShequIT
class RecordRowsIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    SqlSessionFactory sessions;

    @Autowired
    RecordRows records;

    @Test
    void everyRowIsTheRecordMyBatisWouldBuild() {
        String code = new ProjectScenario(http).submitted(ProjectScenario.proposal("30000.00", "ELDERLY_CARE", "F2026-CITY", "SELF"));
        Map<String, Supplier<List<Object>>> reads = new LinkedHashMap<>();
        reads.put("project", () -> list("cn.shequ.project.ProjectMapper.find", code));
        reads.put("budget lines", () -> list("cn.shequ.project.ProjectMapper.budgetLines", code));
        reads.put("milestones", () -> list("cn.shequ.project.ProjectMapper.milestoneRows", Map.of("kind", cn.shequ.delivery.MilestoneSubject.PROJECT, "code", code)));
        reads.put("task index", () -> list("cn.shequ.task.WorkItemMapper.bySubject", code));
        reads.put("documents", () -> list("cn.shequ.document.DocumentMapper.list", code));
        reads.put("affiliation", () -> list("cn.shequ.identity.OrganisationMapper.findAffiliation", "committee1"));
        reads.put("communities", () -> list("cn.shequ.identity.OrganisationMapper.communities", null));
        // a row of nothing but NULLs is a null element, as MyBatis makes it
        reads.put("all columns null", () -> list("cn.shequ.persistence.RecordRowsProbe.nothing", "C001"));
        Map<String, List<Object>> built = new LinkedHashMap<>();
        long before = RecordRows.builtOnThisThread();
        reads.forEach((what, read) -> built.put(what, read.get()));
        long byRecordRows = RecordRows.builtOnThisThread() - before;
        Map<String, List<Object>> byMyBatis = new LinkedHashMap<>();
        records.on = false;
        try {
            reads.forEach((what, read) -> byMyBatis.put(what, read.get()));
            assertThat(RecordRows.builtOnThisThread()).as("RecordRows is off").isEqualTo(before + byRecordRows);
        } finally {
            records.on = true;
        }
        built.forEach((what, rows) -> assertThat(rows).as(what).isNotEmpty().isEqualTo(byMyBatis.get(what)));
        assertThat(built.get("all columns null")).containsExactly((Object) null);
        int rows = built.values().stream().mapToInt(List::size).sum();
        assertThat(byRecordRows).as("rows RecordRows built itself").isEqualTo(rows);
    }

    @Test
    void nullForAPrimitiveIsRefusedAsMyBatisRefusesIt() {
        String statement = "cn.shequ.persistence.RecordRowsProbe.primitiveNull";
        assertThatThrownBy(() -> list(statement, "C001")).isInstanceOf(PersistenceException.class)
                .hasMessageContaining("Error instantiating").hasMessageContaining("Counted");
        records.on = false;
        try {
            assertThatThrownBy(() -> list(statement, "C001")).isInstanceOf(PersistenceException.class)
                    .hasMessageContaining("Error instantiating").hasMessageContaining("Counted");
        } finally {
            records.on = true;
        }
    }

    private List<Object> list(String statement, Object parameter) {
        try (SqlSession session = sessions.openSession()) {
            return new ArrayList<>(session.selectList(statement, parameter));
        }
    }
}
