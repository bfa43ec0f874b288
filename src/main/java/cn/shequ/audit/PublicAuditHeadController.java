package cn.shequ.audit;

import cn.shequ.refusal.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily heads of the audit chain on the public site, no login (docs/audit-head.md):
 * {@code GET /public/audit-heads} → {@code [{"date", "seq", "hash", "publishedAt", "publicKey",
 * "signature"}]}, newest first; {@code GET /public/audit-heads/{date}.head} → the signed head file
 * of that day (text/plain). Anyone who keeps a copy can later hold the chain to it.
 */
@RestController
class PublicAuditHeadController {

    static final int LIMIT = 400;

    private final AuditHeads heads;

    PublicAuditHeadController(AuditHeads heads) {
        this.heads = heads;
    }

    record HeadView(String date, long seq, String hash, String publishedAt, String publicKey, String signature) {}

    @GetMapping("/public/audit-heads")
    List<HeadView> list() {
        return heads.published(LIMIT).stream().map(PublishedHead::file).map(f -> new HeadView(f.date().toString(),
                f.seq(), f.hash(), f.publishedAt(), f.publicKey(), f.signature())).toList();
    }

    @GetMapping("/public/audit-heads/{date}.head")
    ResponseEntity<String> file(@PathVariable String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("date", "日期格式须为 2026-12-05 / a date like 2026-12-05");
        }
        PublishedHead head = heads.published(day).orElseThrow(() -> Refusal.notFound("已公布的审计日志链尾", date));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(head.file().text());
    }
}
