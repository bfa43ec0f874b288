package cn.shequ.document;

import cn.shequ.engine.ShequClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Counts a failed rendering on the document's row, in a transaction of its own, with the time of the next
 * attempt (1, 2, 4 … minutes); after {@code max-attempts} the failure is logged for an administrator.
 */
final class RenderFailures {

    private static final Logger log = LoggerFactory.getLogger(DocumentRendering.class);

    private final DocumentMapper documents;
    private final ShequClock clock;
    private final TransactionOperations independent;
    private final int maxAttempts;

    RenderFailures(DocumentMapper documents, ShequClock clock, TransactionOperations independent, int maxAttempts) {
        this.documents = documents;
        this.clock = clock;
        this.independent = independent;
        this.maxAttempts = maxAttempts;
    }

    void record(long id, RuntimeException e) {
        try {
            independent.executeWithoutResult(status -> {
                Integer attempts = documents.renderAttempts(id);
                if (attempts == null) {
                    return;
                }
                int next = attempts + 1;
                String error = String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage());
                documents.recordRenderFailure(id, error.length() > 1000 ? error.substring(0, 1000) : error,
                        RenderOnce.now(clock).plusMinutes(1L << Math.min(next - 1, 10)));
                if (next >= maxAttempts) {
                    log.error("文件 {} 的 PDF 已 {} 次生成失败，需管理员处理（GET /api/admin/documents/unrendered）/ "
                            + "document {} failed to render {} times: {}", id, next, id, next, error);
                } else {
                    log.warn("文件 {} 的 PDF 生成失败（第 {} 次），稍后重试 / document {} failed to render: {}", id, next, id, error);
                }
            });
        } catch (RuntimeException again) {
            log.warn("文件 {} 的生成失败未能记录 / could not record the failure: {}", id, again.toString());
        }
    }
}
