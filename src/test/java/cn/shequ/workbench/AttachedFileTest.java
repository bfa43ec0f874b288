package cn.shequ.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequ.audit.AuditEvent;
import cn.shequ.identity.Affiliation;
import cn.shequ.identity.CurrentUser;
import cn.shequ.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The project's and the purchase's attachments keep their own tables (ADR 0056) but accept, store, audit and
 * serve a file through one piece of code: the same file gives the same columns and the same audit details in
 * both, and a refused file gives no row at all.
 */
class AttachedFileTest {

    final byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    final CurrentUser provider = new CurrentUser("provider1", "provider1", List.of("provider"),
            new Affiliation("provider1", "provider1", null, null, null, 7L));
    final LocalDateTime at = LocalDateTime.of(2026, 6, 1, 9, 30);

    @Test
    void aFileFillsTheSameColumnsInBothTables() {
        AttachedFile file = AttachedFile.accept("  标书.pdf ", pdf, new LinkedHashMap<>());
        AttachmentMapper.NewAttachment project = file.into(new AttachmentMapper.NewAttachment(), "MILESTONE", 2, provider, at);
        PurchaseAttachmentMapper.NewRow purchase = file.into(new PurchaseAttachmentMapper.NewRow(), "MILESTONE", 2, provider, at);
        for (AttachedFile.Columns row : List.<AttachedFile.Columns>of(project, purchase)) {
            assertThat(row.fileName).isEqualTo("标书.pdf");
            assertThat(row.contentType).isEqualTo("application/pdf");
            assertThat(row.sizeBytes).isEqualTo(pdf.length);
            assertThat(row.sha256).isEqualTo(Attachments.sha256(pdf)).hasSize(64);
            assertThat(row.content).isSameAs(pdf);
            assertThat(row.purpose).isEqualTo("MILESTONE");
            assertThat(row.milestoneSeq).isEqualTo(2);
            assertThat(row.uploadedBy).isEqualTo("provider1");
            assertThat(row.uploadedAt).isEqualTo(at);
            assertThat(row.id).as("the database fills it in").isNull();
        }
    }

    @Test
    void theAuditEntryNamesWhatTheFileIsAttachedToThenTheFile() {
        AttachedFile file = AttachedFile.accept("标书.pdf", pdf, new LinkedHashMap<>());
        AuditEvent event = file.audited(AuditEvent.of("provider1", Attachments.ACTION).subject("PS-2026-0001")
                .detail("attachmentId", 5L).detail("purpose", "BID").detail("providerId", 7L).detail("bidId", 3L));
        assertThat(event.details().keySet())
                .containsExactly("attachmentId", "purpose", "providerId", "bidId", "fileName", "contentType", "size", "sha256");
        assertThat(event.details()).containsEntry("size", (long) pdf.length).containsEntry("sha256", Attachments.sha256(pdf))
                .containsEntry("contentType", "application/pdf");
    }

    @Test
    void aRefusedFileNamesTheFieldAndWhatWasFoundBefore() {
        Map<String, String> problems = new LinkedHashMap<>(Map.of("purpose", "附件须属于居民会议记录或里程碑报告"));
        assertThatThrownBy(() -> AttachedFile.accept("../a.pdf", pdf, problems))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.fields()).containsOnlyKeys("purpose", "file"));
    }

    @Test
    void aDownloadIsAnAttachmentTheBrowserDoesNotSniff() {
        ResponseEntity<byte[]> response = AttachedFile.download("会议纪要.pdf", "application/pdf", pdf);
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("会议纪要.pdf");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(response.getBody()).isSameAs(pdf);
    }
}
