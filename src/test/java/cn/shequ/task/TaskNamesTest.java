package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskNamesTest {

    @Test
    void theStepThenTheCodeTitleAndTail() {
        assertThat(TaskNames.of("财政审批拨付", "SP-2026-0002", "东湖社区长者助餐服务", "第1期 ¥12,000.00"))
                .isEqualTo("财政审批拨付 · SP-2026-0002 东湖社区长者助餐服务 · 第1期 ¥12,000.00");
        assertThat(TaskNames.of("区民政局认证承接主体", "P7", "汕头市某服务社", null)).isEqualTo("区民政局认证承接主体 · P7 汕头市某服务社");
    }

    @Test
    void aLongTitleIsShortenedButNeverTheCodeOrTheAmount() {
        String title = "长".repeat(200);
        String name = TaskNames.of("财政审批拨付", "SP-2026-0002", title, "第12期 ¥99,999,999.00");
        assertThat(name).hasSize(TaskNames.MAX_LENGTH).startsWith("财政审批拨付 · SP-2026-0002 长长")
                .endsWith("长… · 第12期 ¥99,999,999.00");
        assertThat(TaskNames.of("s", "c", "x".repeat(TaskNames.MAX_LENGTH), null)).hasSize(TaskNames.MAX_LENGTH).endsWith("x…");
    }

    @Test
    void markdownInWhatUsersTypedIsShownAsTyped() {
        assertThat(TaskNames.markdown("**粗体** [链接](x) <b>\n# 标题")).isEqualTo("\\*\\*粗体\\*\\* \\[链接\\]\\(x\\) \\<b\\> \\# 标题");
    }
}
