package cn.shequ.support;

import cn.shequ.task.StepHandler;
import java.lang.reflect.Constructor;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The step handlers of a process as Spring would find them, without Spring: every concrete class implementing
 * {@code type} in {@code basePackage} and its sub-packages, made with its one constructor and no
 * collaborators (a handler's task key is a constant: {@link StepHandler#taskKey()} reads none of them).
 */
public final class StepHandlerBeans {

    private StepHandlerBeans() {}

    public static <H extends StepHandler<?>> List<H> of(Class<H> type, String basePackage) {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(type));
        return scan.findCandidateComponents(basePackage).stream().map(BeanDefinition::getBeanClassName)
                .map(name -> make(type, name)).toList();
    }

    private static <H> H make(Class<H> type, String className) {
        try {
            Class<?> handler = ClassUtils.forName(className, StepHandlerBeans.class.getClassLoader());
            Constructor<?> constructor = handler.getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make step handler " + className, e);
        }
    }

    /** The name of the handler of {@code taskKey}: finance-review is decided by FinanceReviewStep. */
    public static String className(String taskKey) {
        StringBuilder name = new StringBuilder();
        for (String word : taskKey.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.append("Step").toString();
    }
}
