package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.audit.ChainCheck.Head;
import cn.shequ.audit.VerificationResult.Problem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain held to a head published outside the database (docs/audit-head.md), on entries built in memory. */
class PublishedHeadCheckTest {

    private static VerificationResult check(List<AuditEntry> entries, ExpectedHead published) {
        ChainCheck check = new ChainCheck(HashChainTest.headOf(entries), published);
        entries.forEach(check::accept);
        return check.finish(null);
    }

    @Test
    void theLastThreeCutOffAndTheHeadRewoundIsTruncatedNamingTheMissingSeqs() {
        List<AuditEntry> chain = HashChainTest.chain(8);
        ExpectedHead published = new ExpectedHead(8, chain.get(7).hash(), "head file");
        List<AuditEntry> cut = chain.subList(0, 5);
        assertThat(check(cut, null).ok()).as("without a published head the cut is invisible").isTrue();

        VerificationResult result = check(cut, published);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(result.firstBrokenSeq()).isEqualTo(6);
        assertThat(result.missingSeqs()).isEqualTo(new VerificationResult.SeqRange(6, 8));
        assertThat(result.message()).contains("第 6–8 条缺失");
        assertThat(check(chain, published).ok()).isTrue();
        // a chain that grew beyond the published head is fine
        assertThat(check(chain, new ExpectedHead(5, chain.get(4).hash(), "head file")).ok()).isTrue();
    }

    @Test
    void aChainRecomputedAfterAChangeDiffersFromThePublishedHash() {
        List<AuditEntry> chain = HashChainTest.chain(5);
        VerificationResult result = check(chain, new ExpectedHead(3, "ab".repeat(32), "parameter"));
        assertThat(result.problem()).isEqualTo(Problem.PUBLISHED_HEAD_DIFFERS);
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.missingSeqs()).isNull();
    }

    @Test
    void aHeadFileReadsBackAndItsSignatureBreaksWhenAnyNumberChanges() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("heads");
        HeadSigningKey key = HeadSigningKey.loadOrCreate(dir.resolve("signing-key"));
        assertThat(HeadSigningKey.loadOrCreate(dir.resolve("signing-key")).publicKey()).as("kept, not created again")
                .isEqualTo(key.publicKey());
        HeadFile unsigned = new HeadFile(LocalDate.of(2026, 12, 5), 42, "cd".repeat(32), "2026-12-06T00:05:00+08:00",
                key.publicKey(), "");
        HeadFile signed = new HeadFile(unsigned.date(), 42, unsigned.hash(), unsigned.publishedAt(), key.publicKey(),
                key.sign(unsigned.signedText()));
        HeadFile read = HeadFile.parse(signed.text());
        assertThat(read).isEqualTo(signed);
        assertThat(read.signatureValid()).isTrue();
        assertThat(HeadFile.parse(signed.text().replace("seq: 42", "seq: 41")).signatureValid()).isFalse();
        assertThat(HeadFile.parse(signed.text().replace("date: 2026-12-05", "date: 2026-12-04")).signatureValid()).isFalse();
    }
}
