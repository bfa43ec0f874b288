package cn.shequ.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query parameters are read as written. Spring's own number editor drops
 * whitespace and reads hexadecimal, so {@code /api/documents/1%202} was document 12 and
 * {@code ?first=0x10} the 16th task. Anything but an optional sign and decimal digits is refused (400
 * naming the parameter, {@link ApiExceptionHandler}); an empty value is no value, as before.
 */
@ControllerAdvice(basePackages = "cn.shequ")
class RequestParameters {

    @InitBinder
    void wholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new WholeNumber(Long::valueOf));
        binder.registerCustomEditor(Long.class, new WholeNumber(Long::valueOf));
        binder.registerCustomEditor(int.class, new WholeNumber(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new WholeNumber(Integer::valueOf));
    }

    private static final class WholeNumber extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        WholeNumber(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            // a NumberFormatException is the binder's type mismatch: 400 INVALID_PARAMETER naming the parameter
            setValue(text == null || text.isBlank() ? null : parse.apply(text));
        }
    }
}
