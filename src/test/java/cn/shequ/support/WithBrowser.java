package cn.shequ.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link Browser} field that {@link BrowserExtension} opens before each test and closes after it
 * (last screenshot and page text, for a failure); skipped loudly without chromium:
 * <pre>
 * &#64;WithBrowser(prefix = "login", width = 375, height = 812)
 * Browser window;
 * WebDriver browser;   // optional: gets window.driver()
 * </pre>
 * A test that wants its browser only part of the way can still use {@code try (Browser b = Browser.open(…))}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserExtension.class)
public @interface WithBrowser {

    /** Screenshots are {@code target/<prefix>-<name>.png}. */
    String prefix();

    int width() default 1440;

    int height() default 2000;
}
