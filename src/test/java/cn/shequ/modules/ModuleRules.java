package cn.shequ.modules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.Priority;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The three rules of ADR 0047 on the modules under a root package. They take the root (and where
 * the package-info files are) so that {@link ModuleRulesFailTest} can show them failing on a small
 * fixture as {@link ModulesTest} runs them on {@code cn.shequ}.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    /**
     * No module edge lies on a cycle. Frozen in {@link ModulesTest}: one violation per module edge
     * ("identity -> procurement"), so that moving code inside a module changes nothing, a new edge
     * that closes a cycle (or a new module pair inside today's cycle) fails, and an edge that leaves
     * every cycle drops out of the store.
     */
    static ArchRule noCycles(String root, Path sources) {
        return ArchRule.Factory.create(edges(root, sources), new ArchCondition<ModuleGraph.Edge>("not lie on a cycle") {
            @Override
            public void check(ModuleGraph.Edge edge, ConditionEvents events) {
                if (edge.onCycle()) {
                    events.add(SimpleConditionEvent.violated(edge, "module edge " + edge
                            + " lies on a cycle (" + edge.to() + " reaches " + edge.from() + " back)"));
                }
            }
        }, Priority.MEDIUM);
    }

    /**
     * The bottom modules use no module but each other. {@code allowedTargets} are classes they may
     * still use while another branch takes them away (named, never a whole module).
     */
    static ArchRule bottom(String root, Path sources, Set<String> bottomModules, Set<String> allowedTargets) {
        return ArchRule.Factory.create(crossings(root, sources), new ArchCondition<ModuleGraph.Crossing>(
                "go from the bottom modules " + new java.util.TreeSet<>(bottomModules) + " only to bottom modules") {
            @Override
            public void check(ModuleGraph.Crossing crossing, ConditionEvents events) {
                if (bottomModules.contains(crossing.from()) && !bottomModules.contains(crossing.to())
                        && !allowedTargets.contains(crossing.target())) {
                    events.add(SimpleConditionEvent.violated(crossing, "bottom module " + crossing.from() + " uses "
                            + crossing.to() + ": " + crossing.line()));
                }
            }
        }, Priority.HIGH).allowEmptyShould(true);
    }

    /**
     * Other modules use only the types a module's package-info names after "Offers:"; a module whose
     * package-info names none is not checked (its surface is described in words only).
     */
    static ArchRule publicSurface(String root, Path sources) {
        return ArchRule.Factory.create(crossings(root, sources), new ArchCondition<ModuleGraph.Crossing>(
                "use only the types that the target module's package-info offers") {
            private final Map<String, Optional<SortedSet<String>>> offers = new TreeMap<>();

            @Override
            public void check(ModuleGraph.Crossing crossing, ConditionEvents events) {
                Optional<SortedSet<String>> offered = offers.computeIfAbsent(crossing.to(),
                        module -> PackageInfo.of(sources, root, module).offers());
                if (offered.isPresent() && !offered.get().contains(crossing.target())) {
                    events.add(SimpleConditionEvent.violated(crossing, crossing.from() + " uses "
                            + crossing.target() + ", which module " + crossing.to() + " does not offer: "
                            + crossing.line()));
                }
            }
        }, Priority.MEDIUM).allowEmptyShould(true);
    }

    private static AbstractClassesTransformer<ModuleGraph.Edge> edges(String root, Path sources) {
        return new AbstractClassesTransformer<>("module edges under " + root) {
            @Override
            public Iterable<ModuleGraph.Edge> doTransform(JavaClasses classes) {
                return ModuleGraph.of(classes, root, sources).edges();
            }
        };
    }

    private static AbstractClassesTransformer<ModuleGraph.Crossing> crossings(String root, Path sources) {
        return new AbstractClassesTransformer<>("class uses between modules under " + root) {
            @Override
            public Iterable<ModuleGraph.Crossing> doTransform(JavaClasses classes) {
                return ModuleGraph.of(classes, root, sources).crossings;
            }
        };
    }
}
