package cn.shequ.support;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.openqa.selenium.WebDriver;

/**
 * Opens a {@link Browser} into each field annotated {@link WithBrowser} before each test (before the
 * test's own {@code @BeforeEach} methods) and closes it after the test's {@code @AfterEach} methods.
 * When the test has exactly one such browser, a {@link WebDriver} field of the test gets its driver.
 */
public final class BrowserExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Object test = context.getRequiredTestInstance();
        List<Field> browsers = AnnotationSupport.findAnnotatedFields(test.getClass(), WithBrowser.class);
        List<Browser> opened = new ArrayList<>();
        context.getStore(NAMESPACE).put(context.getUniqueId(), opened);
        for (Field field : browsers) {
            if (!Browser.class.equals(field.getType())) {
                throw new IllegalStateException("@WithBrowser on " + field + ": the field must be a " + Browser.class.getName());
            }
            WithBrowser spec = field.getAnnotation(WithBrowser.class);
            Browser browser = Browser.open(spec.prefix(), spec.width(), spec.height());
            opened.add(browser);
            set(field, test, browser);
        }
        if (opened.size() == 1) {
            for (Field field : ReflectionSupport.findFields(test.getClass(), f -> WebDriver.class.equals(f.getType()),
                    HierarchyTraversalMode.TOP_DOWN)) {
                set(field, test, opened.get(0).driver());
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        @SuppressWarnings("unchecked")
        List<Browser> opened = context.getStore(NAMESPACE).remove(context.getUniqueId(), List.class);
        Exception first = null;
        for (Browser browser : opened == null ? List.<Browser>of() : opened) {
            try {
                browser.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void set(Field field, Object test, Object value) throws IllegalAccessException {
        field.setAccessible(true);
        field.set(test, value);
    }
}
