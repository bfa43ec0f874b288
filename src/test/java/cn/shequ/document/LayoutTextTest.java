package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line breaking as a Chinese typesetter expects it. */
class LayoutTextTest {

    final DocumentFonts fonts = TestFonts.fonts();
    final float size = 10;
    final float cjk = size; // a CJK character of Droid Sans Fallback is one em wide

    List<String> wrap(String text, float width) {
        return LayoutText.wrap(text, width, size, 0, fonts);
    }

    @Test
    void chineseBreaksBetweenAnyTwoCharacters() {
        assertThat(wrap("东湖社区老年助餐服务项目", 5 * cjk)).containsExactly("东湖社区老", "年助餐服务", "项目");
    }

    @Test
    void latinWordsAndNumbersStayWhole() {
        List<String> lines = wrap("项目编号SP-2026-0001金额12,345.00元", 12 * cjk);

        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith("SP-").doesNotEndWith("12,"));
        assertThat(String.join("|", lines)).contains("SP-2026-0001").contains("12,345.00");
        assertThat(lines).allSatisfy(line -> assertThat(fonts.width(line, size)).isLessThanOrEqualTo(12 * cjk));
    }

    @Test
    void latinTextBreaksAtSpacesAndDropsThemAtTheBreak() {
        List<String> lines = wrap("meal delivery for elderly residents", fonts.width("meal delivery for", size) + 1);

        assertThat(lines).containsExactly("meal delivery for", "elderly residents");
    }

    @Test
    void closingPunctuationNeverStartsALineAndOpeningPunctuationNeverEndsOne() {
        for (int width = 3; width <= 12; width++) {
            List<String> lines = wrap("服务对象（老人）共计约，一百二十人。分三期拨付：“一对一”结对！", width * cjk);
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i)).as("line start, width %d", width).doesNotStartWith("，").doesNotStartWith("。")
                        .doesNotStartWith("）").doesNotStartWith("：").doesNotStartWith("”").doesNotStartWith("！");
            }
            for (String line : lines) {
                assertThat(line).as("line end, width %d", width).doesNotEndWith("（").doesNotEndWith("“");
            }
            assertThat(String.join("", lines)).isEqualTo("服务对象（老人）共计约，一百二十人。分三期拨付：“一对一”结对！");
        }
    }

    @Test
    void aWordWiderThanTheLineIsCutRatherThanOverflowing() {
        List<String> lines = wrap("https://shequ.example.cn/public/verify/0123456789abcdef", 10 * cjk);

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo("https://shequ.example.cn/public/verify/0123456789abcdef");
        assertThat(lines).allSatisfy(line -> assertThat(fonts.width(line, size)).isLessThanOrEqualTo(10 * cjk));
    }

    @Test
    void lineBreaksInTheTextAreKeptAndTheFirstLineIsIndented() {
        assertThat(LayoutText.wrap("一二三四五六\n\n七八", 4 * cjk, size, 2 * cjk, fonts))
                .containsExactly("一二", "三四五六", "", "七八");
    }

    @Test
    void aCharacterNoFontHasIsPrintedAsAGetaMarkNotDropped() {
        assertThat(LayoutText.printable("满意👍\t好", fonts)).isEqualTo("满意〓 好");
    }
}
