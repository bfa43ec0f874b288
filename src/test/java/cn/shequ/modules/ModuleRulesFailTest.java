package cn.shequ.modules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.modules.fixture.alpha.Alpha;
import cn.shequ.modules.fixture.alpha.Late;
import cn.shequ.modules.fixture.base.Base;
import cn.shequ.modules.fixture.beta.Back;
import cn.shequ.modules.fixture.beta.Beta;
import cn.shequ.modules.fixture.beta.Hidden;
import cn.shequ.modules.fixture.gamma.Gamma;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module rules fail where they should: the same rules as {@link ModulesTest}, run on the fake
 * modules of {@code cn.shequ.modules.fixture} (see its package-info).
 */
class ModuleRulesFailTest {

    static final String ROOT = "cn.shequ.modules.fixture";
    static final Path SOURCES = Path.of("src/test/java");

    @Test
    void aBottomModuleThatUsesAModuleAboveItFails() {
        EvaluationResult result = ModuleRules.bottom(ROOT, SOURCES, Set.of("base"), Set.of()).evaluate(fixture(false, true));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).containsExactly(
                "bottom module base uses alpha: " + Base.class.getName() + " -> " + Alpha.class.getName());

        assertThat(ModuleRules.bottom(ROOT, SOURCES, Set.of("beta"), Set.of(Alpha.class.getName()))
                .evaluate(fixture(false, true)).hasViolation()).as("a named class the bottom may still use").isFalse();
    }

    @Test
    void twoModulesThatUseEachOtherFail() {
        EvaluationResult result = ModuleRules.noCycles(ROOT, SOURCES).evaluate(fixture(false, true));
        assertThat(result.getFailureReport().getDetails()).containsExactlyInAnyOrder(
                "module edge alpha -> beta lies on a cycle (beta reaches alpha back)",
                "module edge beta -> alpha lies on a cycle (alpha reaches beta back)");
        assertThat(ModuleRules.noCycles(ROOT, SOURCES).evaluate(fixture(false, false)).hasViolation())
                .as("without beta.Back, alpha uses beta one way only").isFalse();
    }

    @Test
    void theFrozenBaselineLetsTodaysCyclesPassFailsANewOneAndShrinksWhenOneGoesAway() {
        MemoryStore store = new MemoryStore();
        ArchRule frozen = FreezingArchRule.freeze(ModuleRules.noCycles(ROOT, SOURCES)).persistIn(store);

        assertThat(frozen.evaluate(fixture(false, true)).hasViolation()).as("first run: the baseline").isFalse();
        assertThat(store.violations).containsExactlyInAnyOrder(
                "module edge alpha -> beta lies on a cycle (beta reaches alpha back)",
                "module edge beta -> alpha lies on a cycle (alpha reaches beta back)");
        assertThat(frozen.evaluate(fixture(false, true)).hasViolation()).as("nothing new").isFalse();

        EvaluationResult late = frozen.evaluate(fixture(true, true));
        assertThat(late.hasViolation()).as("alpha.Late makes alpha use gamma, which uses alpha").isTrue();
        assertThat(late.getFailureReport().getDetails()).containsExactlyInAnyOrder(
                "module edge alpha -> gamma lies on a cycle (gamma reaches alpha back)",
                "module edge gamma -> alpha lies on a cycle (alpha reaches gamma back)",
                "module edge gamma -> beta lies on a cycle (beta reaches gamma back)");

        assertThat(frozen.evaluate(fixture(false, false)).hasViolation()).isFalse();
        assertThat(store.violations).as("the cycle broken, the baseline shrinks").isEmpty();
    }

    @Test
    void aTypeTheModuleDoesNotOfferFails() {
        EvaluationResult result = ModuleRules.publicSurface(ROOT, SOURCES).evaluate(fixture(false, true));
        assertThat(result.getFailureReport().getDetails()).containsExactly("gamma uses " + Hidden.class.getName()
                + ", which module beta does not offer: " + Gamma.class.getName() + " -> " + Hidden.class.getName());
    }

    private static JavaClasses fixture(boolean late, boolean back) {
        List<Class<?>> types = new ArrayList<>(List.of(Base.class, Alpha.class, Beta.class, Hidden.class, Gamma.class));
        if (late) {
            types.add(Late.class);
        }
        if (back) {
            types.add(Back.class);
        }
        return new ClassFileImporter().importClasses(types);
    }

    /** A violation store in memory, so that the demonstration leaves src/test/resources alone. */
    static final class MemoryStore implements ViolationStore {
        final Map<String, List<String>> stored = new HashMap<>();
        List<String> violations = List.of();

        @Override
        public void initialize(Properties properties) {
        }

        @Override
        public boolean contains(ArchRule rule) {
            return stored.containsKey(rule.getDescription());
        }

        @Override
        public void save(ArchRule rule, List<String> violations) {
            stored.put(rule.getDescription(), List.copyOf(violations));
            this.violations = List.copyOf(violations);
        }

        @Override
        public List<String> getViolations(ArchRule rule) {
            return stored.getOrDefault(rule.getDescription(), List.of());
        }
    }
}
