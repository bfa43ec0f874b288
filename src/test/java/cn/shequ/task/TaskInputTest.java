package cn.shequ.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.shequ.refusal.Refusal;
import cn.shequ.web.HttpRefusal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/**
 * Numbers a user sends with a task are written out before the rules of the step read them. A JSON
 * number may have an exponent of a billion: written out in full it would be a billion digits and
 * hold the request thread for hours. Beyond 20 digits before or after the point it is refused,
 * naming the field; zero with a billion decimal places is zero.
 */
@Timeout(10)
class TaskInputTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "123456789012345678901", "0.000000000000000000001"})
    void aNumberBeyondTwentyDigitsIsRefusedNamingTheField(String sent) {
        Refusal refused = catchThrowableOfType(Refusal.class, () -> TaskInput.plain("bidDeposit", new BigDecimal(sent)));

        assertThat(HttpRefusal.status(refused)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.fields()).containsKey("bidDeposit");
        assertThat(refused.getMessage()).contains("超出范围", "out of range");
    }

    @Test
    void infiniteDoublesAreRefusedToo() {
        assertThat(catchThrowableOfType(Refusal.class, () -> TaskInput.plain("comment", Double.POSITIVE_INFINITY)).fields())
                .containsKey("comment");
        assertThat(catchThrowableOfType(Refusal.class, () -> TaskInput.plain("comment", Double.NaN)).fields())
                .containsKey("comment");
    }

    @Test
    void numbersWithinTheLimitsAreWrittenAsSent() {
        assertThat(TaskInput.plain("performanceBond", new BigDecimal("220000.00"))).isEqualTo("220000.00");
        assertThat(TaskInput.plain("lateInterestDailyRate", new BigDecimal("0.0005"))).isEqualTo("0.0005");
        assertThat(TaskInput.plain("paymentTermDays", new BigDecimal("3E+1"))).isEqualTo("30");
        assertThat(TaskInput.plain("technicalScore", 85.5)).isEqualTo("85.5");
        assertThat(TaskInput.plain("servedParticipants", new BigInteger("12345678901234567890"))).isEqualTo("12345678901234567890");
        assertThat(TaskInput.plain("bidDeposit", new BigDecimal("0E-999999999"))).isEqualTo("0");
    }

    @Test
    void aScoreOfZeroWithABillionDecimalsIsZero() {
        TaskInput input = new TaskInput(Map.of("technicalScore", new BigDecimal("0E-999999999"))::get);

        BigDecimal score = input.score("technicalScore", "技术得分", 100);

        assertThat(input.hasProblems()).isFalse();
        assertThat(score.toPlainString()).isEqualTo("0");
    }
}
