package cn.shequ.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How JSON bodies are read: a value of the wrong type is refused naming its field (400, see
 * {@link ApiExceptionHandler}) rather than quietly turned into something else. Jackson's defaults
 * would cut 1.5 months or 60.5 people present to 1 and 60, and read the number 20261201 as the
 * 20,261,201st day after 1970 (a date in the year 57443); dates are ISO-8601 text (API.md). A whole
 * number written with a point (40.0, as some clients write every number, or 4e1) is that number.
 */
@Configuration
class JsonInput {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .modulesToInstall(wholeNumbers())
                .postConfigurer(mapper -> mapper.setDefaultLeniency(false));
    }

    static SimpleModule wholeNumbers() {
        SimpleModule module = new SimpleModule("whole-numbers");
        module.addDeserializer(Integer.class, new Whole<>(Integer.class, BigDecimal::intValueExact));
        module.addDeserializer(int.class, new Whole<>(int.class, BigDecimal::intValueExact));
        module.addDeserializer(Long.class, new Whole<>(Long.class, BigDecimal::longValueExact));
        module.addDeserializer(long.class, new Whole<>(long.class, BigDecimal::longValueExact));
        return module;
    }

    /** Jackson's own reading of a whole number, except that a number with a point must have no fraction. */
    private static final class Whole<T> extends StdDeserializer<T> {

        private final transient JsonDeserializer<?> standard;
        private final transient Function<BigDecimal, T> exact;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Whole(Class<?> type, Function<BigDecimal, ? extends Number> exact) {
            super((Class<T>) type);
            this.standard = NumberDeserializers.find(type, type.getName());
            this.exact = (Function) exact;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal value = parser.getDecimalValue();
                try {
                    return exact.apply(value);
                } catch (ArithmeticException notWhole) {
                    return (T) context.handleWeirdNumberValue(handledType(), value, "不是整数 / not a whole number");
                }
            }
            return (T) standard.deserialize(parser, context);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            return (T) standard.getNullValue(context);
        }
    }
}
