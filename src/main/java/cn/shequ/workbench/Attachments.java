package cn.shequ.workbench;

import cn.shequ.audit.AuditEvent;
import cn.shequ.audit.AuditLog;
import cn.shequ.engine.ShequClock;
import cn.shequ.identity.CurrentUser;
import cn.shequ.identity.Groups;
import cn.shequ.project.Project;
import cn.shequ.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a residents' meeting record or a milestone report: scans, photos and PDFs of at
 * most {@link #MAX_BYTES}, their type told by their first bytes (never by their name), stored in
 * Shequ's database with their SHA-256, which goes to the audit chain in the same transaction. The
 * committee of the project's community attaches them (it records meetings and reports milestones);
 * whoever may read the project may read them.
 */
@Service
class Attachments {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int NAME_MAX = 200;
    static final String MEETING = "MEETING";
    static final String MILESTONE = "MILESTONE";
    static final String ACTION = "ATTACHMENT_ADDED";

    /** The types accepted, each by the bytes it starts with. */
    enum Kind {
        PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        final String contentType;
        final byte[] magic;

        Kind(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        static Optional<Kind> of(byte[] content) {
            return Arrays.stream(values())
                    .filter(k -> content.length >= k.magic.length
                            && Arrays.equals(Arrays.copyOf(content, k.magic.length), k.magic))
                    .findFirst();
        }
    }

    private final AttachmentMapper attachments;
    private final AuditLog audit;
    private final ShequClock clock;

    Attachments(AttachmentMapper attachments, AuditLog audit, ShequClock clock) {
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    List<AttachmentMapper.AttachmentRow> of(String projectCode) {
        return attachments.ofProject(projectCode);
    }

    Optional<AttachmentMapper.AttachmentRow> find(long id) {
        return attachments.find(id);
    }

    byte[] content(long id) {
        return attachments.content(id).map(AttachmentMapper.Stored::content).orElseThrow();
    }

    /** Stores the file or refuses it (400 naming the field "file", 403 for another community), storing nothing. */
    @Transactional
    AttachmentMapper.AttachmentRow add(Project project, String purpose, Integer milestoneSeq, String fileName,
                                       byte[] content, CurrentUser user) {
        if (!user.isIn(Groups.COMMITTEE) || !project.communityCode().equals(user.communityCode())) {
            throw Refusal.forbidden("OTHER_COMMUNITY", "只有本社区居委会成员可以为本项目上传附件");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (!MEETING.equals(purpose) && !MILESTONE.equals(purpose)) {
            problems.put("purpose", "附件须属于居民会议记录或里程碑报告");
        }
        AttachedFile file = AttachedFile.accept(fileName, content, problems);
        AttachmentMapper.NewAttachment row = file.into(new AttachmentMapper.NewAttachment(), purpose, milestoneSeq, user,
                clock.localNow());
        row.projectCode = project.code();
        attachments.insert(row);
        AuditEvent event = AuditEvent.of(user.userId(), ACTION).subject(project.code())
                .detail("attachmentId", row.id).detail("purpose", purpose);
        if (milestoneSeq != null) {
            event = event.detail("milestoneSeq", milestoneSeq);
        }
        audit.append(file.audited(event));
        return attachments.find(row.id).orElseThrow();
    }

    /**
     * The kind of a file named {@code name} (trimmed) with {@code content}, or a refusal (400 naming
     * the field "file", with {@code problems} found before): the rules of every attachment, for the
     * project's and the purchase's (PurchaseAttachments) alike.
     */
    static Kind checked(String name, byte[] content, Map<String, String> problems) {
        if (name.isEmpty()) {
            problems.put("file", "请选择要上传的文件");
        } else if (name.contains("/") || name.contains("\\") || name.contains("..") || name.chars().anyMatch(c -> c < 0x20)) {
            problems.put("file", "文件名不得包含路径分隔符（/ 或 \\）、“..”或控制字符");
        } else if (name.length() > NAME_MAX) {
            problems.put("file", "文件名最多 " + NAME_MAX + " 个字符");
        }
        Optional<Kind> kind = Optional.empty();
        if (problems.isEmpty()) {
            if (content == null || content.length == 0) {
                problems.put("file", "文件是空的（0 字节），未保存");
            } else if (content.length > MAX_BYTES) {
                problems.put("file", "文件超过 10 MB 的上限（" + content.length / 1024 / 1024 + " MB），未保存");
            } else {
                kind = Kind.of(content);
                if (kind.isEmpty()) {
                    problems.put("file", "只接受 PDF、JPEG、PNG 文件（按文件内容判断，不按扩展名），该文件不是这三种之一，未保存");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_INPUT", "附件未保存：" + String.join("；", problems.values()),
                    problems);
        }
        return kind.orElseThrow();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
