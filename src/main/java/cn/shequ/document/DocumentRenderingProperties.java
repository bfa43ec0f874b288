package cn.shequ.document;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shequ.documents.rendering.*} (ADR 0039).
 *
 * @param background   render each issued document's PDF on a background thread of this node right after the
 *                     issuing transaction commits, and look for documents still waiting every {@code pollInterval};
 *                     off, a PDF is rendered only when asked for or by {@link DocumentRendering#renderDue()}
 *                     (the integration tests switch it off to run the job where they need it)
 * @param pollInterval how often each node looks for documents whose PDF is still missing (a node stopped before
 *                     rendering, a failed attempt due again)
 * @param maxAttempts  failed attempts after which the job stops trying and waits for an administrator
 */
@ConfigurationProperties("shequ.documents.rendering")
public record DocumentRenderingProperties(@DefaultValue("true") boolean background,
                                          @DefaultValue("60s") Duration pollInterval,
                                          @DefaultValue("3") int maxAttempts) {

    static DocumentRenderingProperties defaults() {
        return new DocumentRenderingProperties(false, Duration.ofSeconds(60), 3);
    }
}
