package cn.shequ.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.CurrentUser;
import cn.shequ.project.Project;
import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attachments are told by their content: PDF, JPEG and PNG up to 10 MB; an empty file, a renamed
 * program, a name with a path, a project of another community are refused and nothing is stored
 * or written to the audit chain.
 */
class AttachmentsTest {

    final List<AttachmentMapper.NewAttachment> stored = new ArrayList<>();
    final List<AuditEvent> audited = new ArrayList<>();
    final Attachments attachments = new Attachments(mapper(), log(), org.mockito.Mockito.mock(ShequClock.class));

    final Project project = new Project("SP-2026-0099", "助浴", "ELDERLY_CARE", "C001", "老人", "助浴", new BigDecimal("100.00"),
            "F2026-CITY", "SELF", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), "IN_DELIVERY", "committee1", null,
            BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null, LocalDateTime.now(), LocalDateTime.now());
    final CurrentUser committee2 = user("committee2", "C001");

    @Test
    void aPdfIsStoredWithItsSha256AndAuditedInTheSameCall() {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        attachments.add(project, Attachments.MEETING, null, "会议纪要.pdf", pdf, committee2);
        assertThat(stored).singleElement().satisfies(a -> {
            assertThat(a.contentType).isEqualTo("application/pdf");
            assertThat(a.sha256).isEqualTo(Attachments.sha256(pdf)).hasSize(64);
        });
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ATTACHMENT_ADDED");
            assertThat(e.subjectCode()).isEqualTo("SP-2026-0099");
            assertThat(e.details()).containsEntry("sha256", Attachments.sha256(pdf)).containsEntry("fileName", "会议纪要.pdf");
        });
    }

    @Test
    void aJpegAndAPngAreToldByTheirFirstBytesWhateverTheirName() {
        attachments.add(project, Attachments.MILESTONE, 1, "photo.pdf", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x20}, committee2);
        attachments.add(project, Attachments.MILESTONE, 1, "scan",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}, committee2);
        assertThat(stored).extracting(a -> a.contentType).containsExactly("image/jpeg", "image/png");
    }

    @Test
    void refusedFilesLeaveNothingBehind() {
        refused("会议照片.jpg", new byte[] {'M', 'Z', (byte) 0x90, 0}, "只接受 PDF、JPEG、PNG");
        refused("空.pdf", new byte[0], "空的");
        refused("big.pdf", big(), "10 MB");
        refused("../../etc/passwd.pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), "路径分隔符");
        refused("a\\b.pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), "路径分隔符");
        refused("", "%PDF-".getBytes(StandardCharsets.US_ASCII), "请选择");
        assertThatThrownBy(() -> attachments.add(project, Attachments.MEETING, null, "a.pdf",
                "%PDF-".getBytes(StandardCharsets.US_ASCII), user("committee4", "C002")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(HttpRefusal.status(e).value()).isEqualTo(403));
        assertThat(stored).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void theLimitIsTenMegabytesExactly() {
        byte[] limit = new byte[Attachments.MAX_BYTES];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, limit, 0, 5);
        attachments.add(project, Attachments.MEETING, null, "limit.pdf", limit, committee2);
        assertThat(stored).hasSize(1);
    }

    private void refused(String name, byte[] content, String because) {
        assertThatThrownBy(() -> attachments.add(project, Attachments.MEETING, null, name, content, committee2))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(HttpRefusal.status(e).value()).isEqualTo(400);
                    assertThat(e.fields().get("file")).contains(because);
                });
    }

    private static byte[] big() {
        byte[] big = new byte[Attachments.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        return big;
    }

    private static CurrentUser user(String id, String community) {
        return new CurrentUser(id, id, List.of("committee"), new Affiliation(id, id, community, null, null, null));
    }

    private AttachmentMapper mapper() {
        return (AttachmentMapper) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AttachmentMapper.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "insert" -> {
                        AttachmentMapper.NewAttachment row = (AttachmentMapper.NewAttachment) args[0];
                        row.id = (long) stored.size() + 1;
                        stored.add(row);
                        yield null;
                    }
                    case "find" -> {
                        AttachmentMapper.NewAttachment row = stored.get((int) (long) (Long) args[0] - 1);
                        yield Optional.of(new AttachmentMapper.AttachmentRow(row.id, row.projectCode, row.purpose, row.milestoneSeq,
                                row.fileName, row.contentType, row.sizeBytes, row.sha256, row.uploadedBy, row.uploadedAt));
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private AuditLog log() {
        AuditLog log = org.mockito.Mockito.mock(AuditLog.class);
        org.mockito.Mockito.doAnswer(call -> audited.add(call.getArgument(0))).when(log).append(org.mockito.ArgumentMatchers.any());
        return log;
    }
}
