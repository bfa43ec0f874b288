package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.shequ.refusal.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Tasklist completes tasks through the webapps' engine API, where the engine answers every failure
 * with 500. What the user is told instead: the rule that refused the form, or that the task had
 * already been completed (a second click, a colleague a moment before) or does not exist.
 */
class RefusalCaptureTest {

    private static final String SUBMIT = "/camunda/api/engine/engine/default/task/t-1/submit-form";

    private final ObjectMapper json = new ObjectMapper();
    private final FailedCompletions completions = mock(FailedCompletions.class);
    private final Filter filter = new RefusalCapture().webappRefusals(json, completions).getFilter();

    @Test
    void aFormForATaskAlreadyCompletedIs409NotTheEngines500() throws Exception {
        when(completions.explain(SUBMIT)).thenReturn(Optional.of(Refusal.conflict("TASK_ALREADY_COMPLETED", "该任务已办结")));
        MockHttpServletResponse answer = post(SUBMIT, null);
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(body(answer).path("error").asText()).isEqualTo("TASK_ALREADY_COMPLETED");
    }

    @Test
    void aRuleThatRefusedTheFormIsAnsweredWithItsStatusAndBody() throws Exception {
        Refusal refusal = Refusal.invalid("present", "实到人数不得超过应到人数");
        MockHttpServletResponse answer = post(SUBMIT, refusal);
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(body(answer).path("fields").path("present").asText()).contains("实到人数");
    }

    @Test
    void anyOtherFailureKeepsTheEnginesAnswer() throws Exception {
        when(completions.explain(SUBMIT)).thenReturn(Optional.empty());
        MockHttpServletResponse answer = post(SUBMIT, null);
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getContentAsString()).contains("RestException");
    }

    /** Sends a POST through the filter to an engine that fails with 500, a Shequ rule having refused it or not. */
    private MockHttpServletResponse post(String uri, Refusal refusal) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                if (refusal != null) {
                    req.setAttribute(RefusalCapture.class.getName(), refusal);
                }
                res.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                res.getWriter().write("{\"type\":\"RestException\",\"message\":\"Cannot submit task form\"}");
            }
        }));
        return response;
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }
}
