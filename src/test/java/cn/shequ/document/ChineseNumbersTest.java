package cn.shequ.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates and amounts written the way official papers and vouchers write them. */
class ChineseNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-27, 二〇二六年十一月二十七日",
        "2026-01-01, 二〇二六年一月一日",
        "2030-10-10, 二〇三〇年十月十日",
        "2026-12-31, 二〇二六年十二月三十一日",
        "2026-02-20, 二〇二六年二月二十日"
    })
    void datesAreWrittenInChinese(LocalDate date, String written) {
        assertThat(ChineseDates.written(date)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({
        "50000.00, 伍万元整",
        "18000.00, 壹万捌仟元整",
        "12345.00, 壹万贰仟叁佰肆拾伍元整",
        "300500.00, 叁拾万零伍佰元整",
        "1000005.00, 壹佰万零伍元整",
        "100000000.00, 壹亿元整",
        "100001000.00, 壹亿零壹仟元整",
        "1005.50, 壹仟零伍元伍角整",
        "10.05, 壹拾元零伍分",
        "0.35, 叁角伍分",
        "1010.00, 壹仟零壹拾元整"
    })
    // 支付结算办法: 整 after 元 or 角, not after 分
    void amountsAreWrittenInCapitals(BigDecimal amount, String capitals) {
        assertThat(Amounts.capitals(amount)).isEqualTo(capitals);
    }

    @ParameterizedTest
    @CsvSource({"48750.00, 50000.00, 97.5%", "72, 80, 90.0%", "1, 3, 33.3%", "5, 0, —"})
    void percentagesHaveOneDecimal(BigDecimal part, BigDecimal whole, String percent) {
        assertThat(Amounts.percent(part, whole)).isEqualTo(percent);
    }
}
