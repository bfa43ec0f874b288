package cn.shequ.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test that starts an application of its own (a {@code SpringApplicationBuilder}, or a
 * JVM through a {@code ProcessBuilder}) instead of using the shared {@link ShequIT} context, on the
 * database of this leg. Maven runs these in executions of their own, each class in a fresh JVM
 * (pom.xml, failsafe {@code it-*-own-application}; ADR 0041): the Camunda webapps keep static state,
 * and an application closed in the shared context's JVM left the shared webapps answering 500.
 * {@code OwnApplicationTaggedTest} fails when a test starts an application without this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnApplicationIT.TAG)
@ExtendWith(DatabaseLegCondition.class)
public @interface OwnApplicationIT {

    /** The JUnit tag the pom selects these tests by. */
    String TAG = "own-application";
}
