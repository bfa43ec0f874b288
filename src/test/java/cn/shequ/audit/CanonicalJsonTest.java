package cn.shequ.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryDepthWhateverOrderTheMapWasFilledIn() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("zeta", 1);
        one.put("alpha", Map.of("y", 2, "x", List.of(Map.of("b", 1, "a", 2))));
        Map<String, Object> other = new HashMap<>();
        other.put("alpha", new LinkedHashMap<>(Map.of("x", List.of(new java.util.TreeMap<>(Map.of("a", 2, "b", 1))), "y", 2)));
        other.put("zeta", 1);
        assertThat(CanonicalJson.of(one)).isEqualTo("{\"alpha\":{\"x\":[{\"a\":2,\"b\":1}],\"y\":2},\"zeta\":1}")
                .isEqualTo(CanonicalJson.of(other));
    }

    @Test
    void arraysKeepTheirOrder() {
        assertThat(CanonicalJson.of(Map.of("list", List.of(3, 1, 2)))).isEqualTo("{\"list\":[3,1,2]}");
    }

    @Test
    void nullsAreExplicitAndMoneyKeepsItsTwoDecimals() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("comment", null);
        details.put("amount", new BigDecimal("30000.00"));
        details.put("big", new BigDecimal("1E+3"));
        details.put("passed", true);
        assertThat(CanonicalJson.of(details)).isEqualTo("{\"amount\":30000.00,\"big\":1000,\"comment\":null,\"passed\":true}");
    }

    @Test
    void datesAreIsoTextNotNumbers() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("heldOn", LocalDate.of(2026, 11, 20));
        details.put("at", OffsetDateTime.parse("2026-11-20T09:30:00+08:00"));
        assertThat(CanonicalJson.of(details)).isEqualTo("{\"at\":\"2026-11-20T09:30:00+08:00\",\"heldOn\":\"2026-11-20\"}");
    }

    @Test
    void stringsAreEscapedAsInTheCanonicalForm() {
        assertThat(CanonicalJson.of(Map.of("会议纪要", "第一行\n\"引号\"\\"))).isEqualTo("{\"会议纪要\":\"第一行\\n\\\"引号\\\"\\\\\"}");
    }

    static class Opaque {
        @Override
        public String toString() {
            return "opaque#1";
        }
    }

    @Test
    void aValueJacksonCannotSerializeIsRecordedByItsTextInsteadOfFailingTheChange() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("b", new Opaque());
        details.put("a", 1);
        assertThat(CanonicalJson.of(details)).isEqualTo("{\"a\":1,\"b\":\"opaque#1\"}");
    }

    @Test
    void recordsAndArraysAreSerializedLikeMaps() {
        record Line(String item, BigDecimal amount) {}
        assertThat(CanonicalJson.of(Map.of("lines", Arrays.asList(new Line("场地", new BigDecimal("100.50"))))))
                .isEqualTo("{\"lines\":[{\"amount\":100.50,\"item\":\"场地\"}]}");
    }
}
