package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the 18th a check character over the first 17. */
class CreditCodeTest {

    /**
     * Codes printed on real business licences (and the example quoted with the standard): the check
     * is not merely consistent with itself. A random 18th character would pass once in 31 times.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // the example usually quoted with GB 32100-2015
        "91440300708461136T", // 深圳市腾讯计算机系统有限公司
        "91110000802100433B"  // 北京百度网讯科技有限公司
    })
    void publishedCodesAreValid(String code) {
        assertThat(CreditCode.problem(code)).isNull();
        assertThat(CreditCode.isValid(code)).isTrue();
    }

    /**
     * Real formats: registration authority and kind (91 enterprise, 52 social service organisation,
     * 12 public institution), the 6-digit division code of 汕头市龙湖区 (440507), a 9-character
     * organisation code, then the check character.
     */
    @ParameterizedTest
    @ValueSource(strings = {"91440507MA4UL0021", "52440507MJL000031", "12440507456789012"})
    void aComputedCheckCharacterMakesAValidCode(String first17) {
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problem(code)).as(code).isNull();
    }

    @Test
    void theCheckCharacterOfTheStandardsExampleIsThree() {
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        String first17 = "91440507MA4UL0021";
        char right = CreditCode.checkCharacter(first17);
        char wrong = right == '0' ? '1' : '0';
        assertThat(CreditCode.problem(first17 + wrong)).contains("校验位").contains("GB 32100-2015");
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("check character");
    }

    @Test
    void aSwappedPairOfCharactersIsCaught() {
        // the weights 3^i mod 31 differ at every position: a transposition changes the sum
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("91351000M000100Y43")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433", "9135010"})
    void aWrongLengthIsRefused(String code) {
        assertThat(CreditCode.problem(code)).contains("18");
    }

    @Test
    void noCodeIsRefused() {
        assertThat(CreditCode.problem(null)).contains("18");
    }

    /** I, O, Z, S and V are not in the alphabet (they look like 1, 0, 2, 5 and U); nor are lower case letters. */
    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'a', '-', ' '})
    void aCharacterOutsideTheAlphabetIsRefusedWithItsPosition(char bad) {
        String code = "91350100M" + bad + "00100Y43";
        assertThat(CreditCode.problem(code)).contains("第10位").contains("invalid character at 10");
        assertThatThrownBy(() -> CreditCode.checkCharacter(code.substring(0, 17))).isInstanceOf(IllegalArgumentException.class);
    }
}
