package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Whole numbers in JSON bodies: 40, "40", 40.0 and 4e1 are forty; 60.5 is refused naming its field, not cut to 60. */
class JsonInputTest {

    record Counts(Integer present, int yes, Long bidId) {}

    private final ObjectMapper json = json();

    private static ObjectMapper json() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new JsonInput().strictJsonInput().customize(builder);
        return builder.build();
    }

    @Test
    void aWholeNumberIsReadHoweverItIsWritten() throws Exception {
        for (String forty : new String[] {"40", "\"40\"", "40.0", "4e1", "40.000"}) {
            Counts counts = json.readValue("{\"present\": " + forty + ", \"yes\": " + forty + ", \"bidId\": " + forty + "}", Counts.class);
            assertThat(counts).as(forty).isEqualTo(new Counts(40, 40, 40L));
        }
        assertThat(json.readValue("{\"present\": null, \"yes\": 0, \"bidId\": null}", Counts.class)).isEqualTo(new Counts(null, 0, null));
    }

    @Test
    void aFractionOrANumberBeyondTheFieldIsRefusedNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"present\": 60.5}", Counts.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("not a whole number")
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getFieldName()).isEqualTo("present"));
        assertThatThrownBy(() -> json.readValue("{\"yes\": 1e400}", Counts.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"bidId\": 1e999999999}", Counts.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"present\": 2147483648.0}", Counts.class)).isInstanceOf(MismatchedInputException.class);
    }
}
