package cn.shequ.workbench;

import cn.shequ.audit.AuditEvent;
import cn.shequ.identity.CurrentUser;
import cn.shequ.pages.Labels;
import cn.shequ.refusal.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A file accepted as an attachment, a project's ({@link Attachments}) or a purchase's ({@link PurchaseAttachments})
 * alike: checked by {@link Attachments#checked}, fingerprinted, written into the file columns both tables share,
 * recorded in the audit entry ATTACHMENT_ADDED, received from a page's form and offered as a download (ADR 0056).
 */
final class AttachedFile {

    /** The columns every attachment row has; each table's row adds what the file is attached to. */
    static class Columns {
        public Long id;
        public String purpose;
        public Integer milestoneSeq;
        public String fileName;
        public String contentType;
        public long sizeBytes;
        public String sha256;
        public byte[] content;
        public String uploadedBy;
        public LocalDateTime uploadedAt;
    }

    private final String name;
    private final Attachments.Kind kind;
    private final byte[] content;
    private final String sha256;

    private AttachedFile(String name, Attachments.Kind kind, byte[] content) {
        this.name = name;
        this.kind = kind;
        this.content = content;
        this.sha256 = Attachments.sha256(content);
    }

    /** The file named {@code fileName} (trimmed) with {@code content}, or the refusal naming "file" and {@code problems} found before. */
    static AttachedFile accept(String fileName, byte[] content, Map<String, String> problems) {
        String name = fileName == null ? "" : fileName.trim();
        return new AttachedFile(name, Attachments.checked(name, content, problems), content);
    }

    /** Fills the file columns of {@code row}, uploaded by {@code user} at {@code at}. */
    <T extends Columns> T into(T row, String purpose, Integer milestoneSeq, CurrentUser user, LocalDateTime at) {
        row.purpose = purpose;
        row.milestoneSeq = milestoneSeq;
        row.fileName = name;
        row.contentType = kind.contentType;
        row.sizeBytes = content.length;
        row.sha256 = sha256;
        row.content = content;
        row.uploadedBy = user.userId();
        row.uploadedAt = at;
        return row;
    }

    /** {@code event} (what the file is attached to) with the file's name, type, size and fingerprint, last. */
    AuditEvent audited(AuditEvent event) {
        return event.detail("fileName", name).detail("contentType", kind.contentType).detail("size", (long) content.length)
                .detail("sha256", sha256);
    }

    /** A stored attachment as a download, never rendered by the browser as what it is not. */
    static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** Stores a file sent as {@code fileName} with {@code content} and returns the name it is kept under, or refuses it. */
    interface Store {
        String store(String fileName, byte[] content);
    }

    /** A file sent from a page's form: stored, and the next page told which (flash "attached") or why not ("attachmentError"). */
    static void upload(MultipartFile file, RedirectAttributes redirect, Store store) {
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            redirect.addFlashAttribute("attached", store.store(file == null ? null : file.getOriginalFilename(), content));
        } catch (RuntimeException thrown) {
            redirect.addFlashAttribute("attachmentError", Labels.chinese(Refusal.of(thrown).getMessage()));
        } catch (IOException e) {
            redirect.addFlashAttribute("attachmentError", "文件读取失败，未保存，请重新上传");
        }
    }
}
