package cn.shequ.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shequ's modules (the packages right under {@code cn.shequ}) keep their boundaries (ADR 0047):
 * the bottom stays at the bottom, no new cycle, only the offered types are used, and docs/modules.md
 * says what the code is. {@link ModuleRulesFailTest} shows each rule failing on a fixture.
 */
class ModulesTest {

    static final String ROOT = "cn.shequ";
    static final Path SOURCES = Path.of("src/main/java");
    static final Path DOCS = Path.of("docs/modules.md");

    /** Modules that use no module but each other: the identity of users, the engine's thin layer, the ledgers of numbers and days. */
    static final Set<String> BOTTOM = Set.of("engine", "persistence", "calendar", "sequence", "refusal", "identity", "document");


    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void theBottomModulesUseNoModuleAboveThem() {
        ModuleRules.bottom(ROOT, SOURCES, BOTTOM, Set.of()).check(classes);
    }

    @Test
    void noModuleEdgeClosesACycleThatIsNotInTheFrozenBaseline() {
        FreezingArchRule.freeze(ModuleRules.noCycles(ROOT, SOURCES)).check(classes);
    }

    @Test
    void otherModulesUseOnlyTheTypesAModuleOffers() {
        ModuleRules.publicSurface(ROOT, SOURCES).check(classes);
    }

    @Test
    void docsModulesMdSaysWhatTheCodeIs() throws IOException {
        String generated = ModuleDocs.markdown(ModuleGraph.of(classes, ROOT, SOURCES), SOURCES, BOTTOM);
        String committed = Files.exists(DOCS) ? Files.readString(DOCS) : "";
        if (!generated.equals(committed)) {
            Files.writeString(DOCS, generated);
        }
        assertThat(committed).as("docs/modules.md was stale and has been rewritten: commit it").isEqualTo(generated);
    }
}
