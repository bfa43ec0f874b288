package cn.shequ.refusal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals are domain objects (ADR 0046): business code throws {@link Refusal}, and only the web
 * layer ({@code cn.shequ.web}, the workbench's pages, and the controllers that answer a request)
 * turns one into HTTP. These rules read the compiled classes of {@code src/main}.
 *
 * <p>They fail when a business class reaches for HTTP to refuse. Tried once (ADR 0046): a field
 * {@code org.springframework.http.HttpStatus status = HttpStatus.CONFLICT;} and a field of a class
 * {@code cn.shequ.web.ApiException} (the HTTP refusal that Refusal replaced; a branch written before may
 * bring it back) added to {@code cn.shequ.fund.FundLedger} made two of them fail:
 * <pre>
 * RefusalBoundaryTest.businessCodeDoesNotUseApiException Architecture Violation [Priority: MEDIUM] -
 * Rule 'no classes that reside outside of packages ['cn.shequ.web..'] should depend on classes that have
 * fully qualified name 'cn.shequ.web.ApiException', because business code throws cn.shequ.refusal.Refusal:
 * replace ApiException by Refusal (ADR 0046)' was violated (1 times):
 * Field &lt;cn.shequ.fund.FundLedger.legacy&gt; has type &lt;cn.shequ.web.ApiException&gt; in (FundLedger.java:0)
 * RefusalBoundaryTest.businessCodeHasNoHttpStatus Architecture Violation [Priority: MEDIUM] - Rule 'no
 * classes that reside outside of packages ['cn.shequ.web..', 'cn.shequ.workbench..'] and are no controllers
 * should depend on classes that are HTTP statuses or status exceptions, because ...' was violated (2 times):
 * Constructor &lt;cn.shequ.fund.FundLedger.&lt;init&gt;(...)&gt; gets field
 * &lt;org.springframework.http.HttpStatus.CONFLICT&gt; in (FundLedger.java:21)
 * Field &lt;cn.shequ.fund.FundLedger.status&gt; has type &lt;org.springframework.http.HttpStatus&gt; in (FundLedger.java:0)
 * </pre>
 * A field of type {@code cn.shequ.web.HttpRefusal} there failed {@link #onlyTheWebLayerMapsARefusalToHttp()} likewise.
 */
class RefusalBoundaryTest {

    private static JavaClasses main;

    /** All but the controllers that answer a request themselves (API and pages): those may speak HTTP. */
    private static final DescribedPredicate<JavaClass> NO_CONTROLLERS = DescribedPredicate.describe("are no controllers",
            c -> !(controller(c) || c.getEnclosingClass().map(RefusalBoundaryTest::controller).orElse(false)));

    /** By the annotation's name: Spring's classes are not imported (see {@link #importMain()}). */
    private static boolean controller(JavaClass c) {
        return c.isAnnotatedWith(Controller.class) || c.isAnnotatedWith(RestController.class)
                || c.isAnnotatedWith(ControllerAdvice.class) || c.isAnnotatedWith(RestControllerAdvice.class);
    }

    /** Spring's ways of saying an HTTP status: the status itself and the exceptions that carry one. */
    private static final DescribedPredicate<JavaClass> HTTP_STATUS = DescribedPredicate.describe(
            "are HTTP statuses or status exceptions", c -> c.getName().equals("org.springframework.http.HttpStatus")
                    || c.getName().equals("org.springframework.http.HttpStatusCode")
                    || c.getName().equals("org.springframework.web.server.ResponseStatusException")
                    || c.getName().equals("org.springframework.web.ErrorResponseException"));

    /** Shequ's own classes only: resolving Spring's and Camunda's from the class path took most of a minute. */
    @BeforeAll
    static void importMain() {
        boolean resolve = ArchConfiguration.get().resolveMissingDependenciesFromClassPath();
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        try {
            main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("cn.shequ");
        } finally {
            ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void theRefusalPackageStandsOnJavaAlone() {
        classes().that().resideInAPackage("cn.shequ.refusal..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("cn.shequ.refusal..", "java..")
                .because("every package throws refusals, so the refusal package is at the very bottom (ADR 0046)")
                .check(main);
    }

    @Test
    void businessCodeDoesNotUseApiException() {
        noClasses().that().resideOutsideOfPackages("cn.shequ.web..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.shequ.web.ApiException")
                .because("business code throws cn.shequ.refusal.Refusal: replace ApiException by Refusal (ADR 0046)")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void businessCodeHasNoHttpStatus() {
        noClasses().that().resideOutsideOfPackages("cn.shequ.web..", "cn.shequ.workbench..")
                .and(NO_CONTROLLERS)
                .should().dependOnClassesThat(HTTP_STATUS)
                .because("business code refuses with cn.shequ.refusal.Refusal and only the web layer maps a "
                        + "refusal to an HTTP status (ADR 0046)")
                .check(main);
    }

    @Test
    void onlyTheWebLayerMapsARefusalToHttp() {
        noClasses().that().resideOutsideOfPackages("cn.shequ.web..", "cn.shequ.workbench..")
                .and(NO_CONTROLLERS)
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.shequ.web.HttpRefusal")
                .because("a refusal becomes HTTP at the door that answers the request, not in the rule (ADR 0046)")
                .check(main);
    }
}
