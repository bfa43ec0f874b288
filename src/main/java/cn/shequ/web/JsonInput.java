package cn.shequ.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How JSON bodies are read: a value of the wrong type is refused naming its field (400, see
 * {@link ApiExceptionHandler}) rather than quietly turned into something else. Jackson's defaults
 * would cut 1.5 months or 60.5 people present to 1 and 60, and read the number 20261201 as the
 * 20,261,201st day after 1970 (a date in the year 57443); dates are ISO-8601 text (API.md).
 */
@Configuration
class JsonInput {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> mapper.setDefaultLeniency(false));
    }
}
