package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.project.ServiceProjectProcess;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void buildsAnEventStepByStepAndStoresItsDetailsCanonically() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("decision", "APPROVE");
        fields.put("comment", null);
        AuditEvent event = AuditEvent.of("finance1", AuditActions.TASK_COMPLETED).subject("SP-2026-0001")
                .task(ServiceProjectProcess.Tasks.FINANCE_REVIEW, "APPROVE", "同意").details(fields).detail("amount", "30000.00");
        assertThat(event.subjectCode()).isEqualTo("SP-2026-0001");
        assertThat(event.taskKey()).isEqualTo(ServiceProjectProcess.Tasks.FINANCE_REVIEW);
        assertThat(event.detailsJson()).isEqualTo("{\"amount\":\"30000.00\",\"comment\":null,\"decision\":\"APPROVE\"}");
        assertThat(AuditEvent.of("a", "X").detailsJson()).isEqualTo("{}");
    }

    @Test
    void laterChangesToTheCallersMapDoNotChangeTheEvent() {
        Map<String, Object> fields = new HashMap<>(Map.of("a", 1));
        AuditEvent event = AuditEvent.of("a", "X").details(fields);
        fields.put("b", 2);
        assertThat(event.detailsJson()).isEqualTo("{\"a\":1}");
    }

    @Test
    void refusesWhatTheTableCannotHoldAtTheCallerNotAtCommit() {
        assertThatThrownBy(() -> AuditEvent.of(null, "X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of(" ", "X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of("a", "task_completed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of("a", "X".repeat(33))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of("a".repeat(65), "X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEvent.of("a", "X").task("k", "D", "长".repeat(4001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment");
        assertThat(AuditEvent.of("a", "X").task("k", "D", "长".repeat(4000)).comment()).hasSize(4000);
    }

    @Test
    void aLoneSurrogateIsReplacedAsUtf8StorageWould() {
        assertThat(AuditEvent.of("a", "X").task(null, null, "x\uD800y").comment()).isEqualTo("x?y");
    }
}
