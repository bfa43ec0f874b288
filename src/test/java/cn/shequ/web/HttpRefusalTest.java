package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** How a refusal answers over HTTP (ADR 0046): the statuses ApiException carried, the API.md body. */
class HttpRefusalTest {

    @Test
    void eachKindAnswersWithTheStatusApiExceptionCarried() {
        assertThat(HttpRefusal.status(Refusal.invalid("year", "年度有误 / bad year"))).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(HttpRefusal.status(Refusal.unauthenticated())).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(HttpRefusal.status(Refusal.forbidden("X", "x"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(HttpRefusal.status(Refusal.notFound("项目", "P-1"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(HttpRefusal.status(Refusal.conflict("X", "x"))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(HttpRefusal.status(Refusal.Kind.TOO_MANY)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(HttpRefusal.status(Refusal.Kind.INTERNAL)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(HttpRefusal.status(Refusal.Kind.UNAVAILABLE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** Audit records carry Kind.number() where they carried the HTTP status: the two never drift apart. */
    @Test
    void theNumberAuditRecordsCarryIsTheStatusAnswered() {
        for (Refusal.Kind kind : Refusal.Kind.values()) {
            assertThat(HttpRefusal.status(kind).value()).as(kind.name()).isEqualTo(kind.number());
        }
    }

    @Test
    void theBodyIsCodeMessageAndTheFieldsInTheOrderTheRuleNamedThem() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("title", "标题必填 / required");
        problems.put("amount", "金额须大于 0 / must be positive");
        problems.put("communityCode", "未知的社区 / unknown community");
        ApiError body = HttpRefusal.body(Refusal.invalid(problems));

        assertThat(body.error()).isEqualTo("INVALID_INPUT");
        assertThat(body.message()).isEqualTo("输入有误 / invalid input: 标题必填 / required; 金额须大于 0 / must be positive; "
                + "未知的社区 / unknown community");
        assertThat(body.fields()).containsExactly(Map.entry("title", "标题必填 / required"),
                Map.entry("amount", "金额须大于 0 / must be positive"), Map.entry("communityCode", "未知的社区 / unknown community"));
        assertThat(HttpRefusal.body(Refusal.notFound("项目", "P-1")).message()).isEqualTo("项目 不存在 / not found: P-1");
    }
}
