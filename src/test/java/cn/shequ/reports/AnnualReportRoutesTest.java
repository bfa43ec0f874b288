package cn.shequ.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Who reports to whom by when is configuration; a deadline that does not exist stops the start naming its key. */
class AnnualReportRoutesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withBean(AnnualReportRoutes.class);

    @Test
    void theDefaultsAreTheSeeds() {
        context.run(ctx -> {
            AnnualReportRoutes routes = ctx.getBean(AnnualReportRoutes.class);
            // Shantou: each district to the city civil affairs bureau by the end of February
            AnnualReportRoutes.Route district = routes.of(AnnualReportRoutes.DISTRICT, "D01");
            assertThat(district.recipient()).isEqualTo("汕头市民政局");
            assertThat(district.deadline(2026)).isEqualTo(LocalDate.of(2027, 2, 28));
            assertThat(district.deadline(2027)).isEqualTo(LocalDate.of(2028, 2, 29));
            // Guangdong: each city to the province by 31 March
            AnnualReportRoutes.Route city = routes.of(AnnualReportRoutes.CITY, "SHANTOU");
            assertThat(city.recipient()).isEqualTo("广东省民政厅");
            assertThat(city.deadline(2026)).isEqualTo(LocalDate.of(2027, 3, 31));
        });
    }

    @Test
    void aJurisdictionHasItsOwnRoute() {
        context.withPropertyValues("shequ.annual-report.bodies.D07.recipient=潮州市民政局", "shequ.annual-report.bodies.D07.deadline=03-15")
                .run(ctx -> {
                    AnnualReportRoutes routes = ctx.getBean(AnnualReportRoutes.class);
                    assertThat(routes.of(AnnualReportRoutes.DISTRICT, "D07").deadline(2026)).isEqualTo(LocalDate.of(2027, 3, 15));
                    assertThat(routes.of(AnnualReportRoutes.DISTRICT, "D07").recipient()).isEqualTo("潮州市民政局");
                    assertThat(routes.of(AnnualReportRoutes.DISTRICT, "D01").deadline(2026)).isEqualTo(LocalDate.of(2027, 2, 28));
                });
    }

    @Test
    void aDeadlineThatDoesNotExistStopsTheStartNamingTheKey() {
        context.withPropertyValues("shequ.annual-report.district.deadline=02-30").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(root(ctx.getStartupFailure())).hasMessageContaining("shequ.annual-report.district.deadline")
                    .hasMessageContaining("02-30").hasMessageContaining("不存在");
        });
        context.withPropertyValues("shequ.annual-report.bodies.D01.deadline=04-31").run(ctx ->
                assertThat(root(ctx.getStartupFailure())).hasMessageContaining("shequ.annual-report.bodies.D01.deadline"));
        context.withPropertyValues("shequ.annual-report.city.deadline=3月31日").run(ctx ->
                assertThat(root(ctx.getStartupFailure())).hasMessageContaining("shequ.annual-report.city.deadline")
                        .hasMessageContaining("MM-dd"));
        // the leap day exists: in common years it is the last day of February
        context.withPropertyValues("shequ.annual-report.district.deadline=02-29").run(ctx ->
                assertThat(ctx.getBean(AnnualReportRoutes.class).of("DISTRICT", "D01").deadline(2026)).isEqualTo(LocalDate.of(2027, 2, 28)));
    }

    private static Throwable root(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
