package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md target: a PDF document is made in under 10 ms once the font is loaded. Times the layout
 * of a two-page project report (fonts parsed once beforehand, as at start-up), after warm-up, up to
 * and including the saved PDF bytes. Not part of the normal build (tag "benchmark"); run with:
 * <pre>
 * mvn -o test-compile failsafe:integration-test@it-h2 -Dit.test=DocumentBenchmark -Dshequ.benchmarks=none
 * </pre>
 */
@Tag("benchmark")
class DocumentBenchmark {

    static final int WARM_UP = 300;
    static final int RUNS = 500;

    @Test
    void aTwoPageDocument() {
        long parse = System.nanoTime();
        DocumentLayout layout = TestFonts.layout();
        double parseMs = (System.nanoTime() - parse) / 1e6;
        Samples.Sample sample = Samples.of(DocumentType.PROJECT_REPORT, DocumentTemplatesTest.LONG);
        String fingerprint = Fingerprint.of(sample.header(), sample.content());
        byte[] pdf = layout.render(sample.header(), sample.content(), fingerprint);
        assertThat(Pdfs.pages(pdf)).hasSize(2);

        for (int i = 0; i < WARM_UP; i++) {
            layout.render(sample.header(), sample.content(), fingerprint);
        }
        long[] micros = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            layout.render(sample.header(), sample.content(), fingerprint);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("%n[benchmark] two-page %s (%,d bytes): fonts parsed in %.0f ms; render median %.2f ms, "
                        + "p95 %.2f ms, max %.2f ms (%d runs after %d warm-up)%n", sample.type(), pdf.length, parseMs,
                micros[RUNS / 2] / 1000.0, micros[(int) (RUNS * 0.95)] / 1000.0, micros[RUNS - 1] / 1000.0, RUNS, WARM_UP);
        assertThat(micros[RUNS / 2]).isPositive();
    }
}
