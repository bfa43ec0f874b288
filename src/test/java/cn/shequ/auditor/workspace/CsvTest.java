package cn.shequ.auditor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** CSV as Excel reads it: byte-order mark, RFC 4180 quoting, China Standard Time, no formulas from user text. */
class CsvTest {

    @Test
    void startsWithAByteOrderMarkAndEndsEachRowWithCrLf() {
        ResponseEntity<byte[]> response = new Csv("序号 seq", "意见 comment").row(1, "同意").response("x.csv");
        byte[] body = response.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("\uFEFF序号 seq,意见 comment\r\n1,同意\r\n");
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("他说\"好\"")).isEqualTo("\"他说\"\"好\"\"\"");
        assertThat(Csv.cell("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void textThatWouldRunAsASpreadsheetFormulaIsDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell(-5)).as("numbers are numbers").isEqualTo("-5");
    }

    @Test
    void timesAreChinaStandardTimeAndBooleansAreBilingual() {
        assertThat(Csv.cell(OffsetDateTime.of(2026, 11, 20, 1, 30, 0, 0, ZoneOffset.UTC))).isEqualTo("2026-11-20 09:30:00");
        assertThat(Csv.cell(LocalDateTime.of(2026, 11, 20, 9, 30, 5))).isEqualTo("2026-11-20 09:30:05");
        assertThat(Csv.cell(true)).isEqualTo("是 yes");
    }
}
