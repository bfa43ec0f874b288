package cn.shequ.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may register as a provider (102号令 arts. 6–8; 采购法 art. 22; GB 32100-2015), without a database. */
class RegistrationRulesTest {

    static final Set<String> CATALOGUE = Set.of("ELDERLY_CARE", "DISABILITY", "CONVENIENCE", "VOLUNTEER", "SAFETY");
    static final String CODE = "91350100M000100Y43";

    static ProviderRegistration registration(String type, String code, List<String> categories, Boolean violation) {
        return new ProviderRegistration("汕头市龙湖区长者服务中心", type, code, categories, violation, null);
    }

    @ParameterizedTest
    @EnumSource(value = LegalType.class, names = {"SOCIAL_ORGANISATION", "ENTERPRISE", "PUBLIC_INSTITUTION_CLASS2",
            "PUBLIC_INSTITUTION_BUSINESS", "RURAL_COLLECTIVE_ECONOMIC_ORGANISATION", "GRASSROOTS_SELF_GOVERNING"})
    void theTypesOfArticle6MayRegister(LegalType type) {
        assertThat(RegistrationRules.problems(registration(type.name(), CODE, List.of("ELDERLY_CARE"), false), CATALOGUE))
                .isEmpty();
    }

    @Test
    void aClass1PublicInstitutionIsRefusedCitingArticle8() {
        var problems = RegistrationRules.problems(registration("PUBLIC_INSTITUTION_CLASS1", CODE, List.of("ELDERLY_CARE"), false),
                CATALOGUE);
        assertThat(problems).containsOnlyKeys("type");
        assertThat(problems.get("type")).contains("公益一类事业单位").contains("第八条").contains("102号令 art. 8");
    }

    @Test
    void aMassOrganisationFundedByTheBudgetIsRefused() {
        assertThat(RegistrationRules.problems(registration("FUNDED_MASS_ORGANISATION", CODE, List.of("SAFETY"), null), CATALOGUE)
                .get("type")).contains("群团组织");
    }

    @Test
    void anUnknownOrMissingTypeIsRefusedListingTheAllowedOnes() {
        assertThat(RegistrationRules.problems(registration("INDIVIDUAL", CODE, List.of("SAFETY"), null), CATALOGUE).get("type"))
                .contains("unknown legal type").contains("ENTERPRISE").doesNotContain("PUBLIC_INSTITUTION_CLASS1");
        assertThat(RegistrationRules.problems(registration(null, CODE, List.of("SAFETY"), null), CATALOGUE)).containsKey("type");
    }

    @Test
    void aDeclaredSeriousViolationIsRefusedCitingArticle22() {
        var problems = RegistrationRules.problems(registration("ENTERPRISE", CODE, List.of("SAFETY"), true), CATALOGUE);
        assertThat(problems).containsOnlyKeys("seriousViolationInLast3Years");
        assertThat(problems.get("seriousViolationInLast3Years")).contains("第二十二条").contains("采购法 art. 22");
    }

    @Test
    void aProviderOnTheDishonestListIsRefused() {
        var r = new ProviderRegistration("某公司", "ENTERPRISE", CODE, List.of("SAFETY"), false, true);
        assertThat(RegistrationRules.problems(r, CATALOGUE)).containsOnlyKeys("dishonestListed");
    }

    @Test
    void categoriesMustBeInTheCatalogue() {
        assertThat(RegistrationRules.problems(registration("ENTERPRISE", CODE, List.of("ELDERLY_CARE", "ROCKETS"), false), CATALOGUE)
                .get("categories")).contains("ROCKETS").doesNotContain("ELDERLY_CARE");
        assertThat(RegistrationRules.problems(registration("ENTERPRISE", CODE, List.of(), false), CATALOGUE)).containsKey("categories");
        assertThat(RegistrationRules.problems(registration("ENTERPRISE", CODE, null, false), CATALOGUE)).containsKey("categories");
        assertThat(RegistrationRules.problems(registration("ENTERPRISE", CODE, Arrays.asList("SAFETY", null), false), CATALOGUE))
                .containsKey("categories");
    }

    @Test
    void theCreditCodeIsCheckedAfterTrimmingAndCapitalising() {
        assertThat(RegistrationRules.problems(registration("ENTERPRISE", " 91350100m000100y43 ", List.of("SAFETY"), false), CATALOGUE))
                .isEmpty();
        assertThat(RegistrationRules.problems(registration("ENTERPRISE", "91350100M000100Y44", List.of("SAFETY"), false), CATALOGUE)
                .get("creditCode")).contains("校验位");
        assertThat(RegistrationRules.clean(registration("ENTERPRISE", " 91350100m000100y43 ", List.of("SAFETY", "SAFETY"), false)))
                .isEqualTo(new RegistrationRules.Cleaned("汕头市龙湖区长者服务中心", LegalType.ENTERPRISE, CODE, List.of("SAFETY")));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        var r = new ProviderRegistration(" ", "PUBLIC_INSTITUTION_CLASS1", "123", List.of("X"), true, true);
        assertThat(RegistrationRules.problems(r, CATALOGUE)).containsOnlyKeys("name", "type", "creditCode", "categories",
                "seriousViolationInLast3Years", "dishonestListed");
    }
}
