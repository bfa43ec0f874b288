package cn.shequ.modules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules of a code base and the imports between them: a module is a package right under the
 * root package ({@code cn.shequ.identity}, with its sub-packages); classes of the root package itself
 * (the application and its configuration) belong to none. Built from compiled classes, so that a
 * fully qualified name in the code counts as much as an import.
 */
final class ModuleGraph {

    /** One class of one module using a class of another (both named by their top-level class). */
    record Crossing(String from, String to, String origin, String target) {
        String line() {
            return origin + " -> " + target;
        }
    }

    /** One module using another, with every class-level crossing behind it. */
    record Edge(String from, String to, boolean onCycle, SortedSet<String> crossings) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    final String root;
    final SortedSet<String> modules = new TreeSet<>();
    final List<Crossing> crossings = new ArrayList<>();
    final SortedMap<String, SortedMap<String, SortedSet<String>>> dependencies = new TreeMap<>();

    private ModuleGraph(String root) {
        this.root = root;
    }

    /**
     * The graph of the given classes: what their byte code uses, and what their source files under
     * {@code sources} name (imports and qualified names outside comments), since the compiler copies
     * a constant such as a process id into the class that uses it and leaves no trace of its owner.
     */
    static ModuleGraph of(JavaClasses classes, String root, Path sources) {
        ModuleGraph graph = new ModuleGraph(root);
        Set<String> seen = new HashSet<>();
        for (JavaClass type : classes) {
            String from = graph.moduleOf(type.getPackageName());
            if (from == null) {
                continue;
            }
            graph.modules.add(from);
            graph.dependencies.computeIfAbsent(from, m -> new TreeMap<>());
            String origin = topLevel(type).getName();
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                graph.add(seen, from, origin, topLevel(target).getName(), target.getPackageName());
            }
            if (!type.getEnclosingClass().isPresent() && seen.add(origin)) {
                for (String target : SourceNames.of(sources, origin, root)) {
                    graph.add(seen, from, origin, target, SourceNames.packageOf(target));
                }
            }
        }
        return graph;
    }

    private void add(Set<String> seen, String from, String origin, String target, String targetPackage) {
        String to = moduleOf(targetPackage);
        if (to == null || to.equals(from) || !seen.add(origin + ' ' + target)) {
            return;
        }
        crossings.add(new Crossing(from, to, origin, target));
        dependencies.get(from).computeIfAbsent(to, m -> new TreeSet<>()).add(origin + " -> " + target);
    }

    /** The module of a package, or null for a package outside the root's modules (a library, the root package itself). */
    String moduleOf(String name) {
        if (!name.startsWith(root + ".")) {
            return null;
        }
        String rest = name.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass topLevel(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** Every module-level edge; an edge lies on a cycle when its target reaches its source back. */
    List<Edge> edges() {
        Map<String, Integer> component = stronglyConnectedComponents();
        List<Edge> edges = new ArrayList<>();
        dependencies.forEach((from, targets) -> targets.forEach((to, lines) ->
                edges.add(new Edge(from, to, component.get(from).equals(component.get(to)), lines))));
        return edges;
    }

    SortedSet<String> dependenciesOf(String module) {
        return new TreeSet<>(dependencies.getOrDefault(module, new TreeMap<>()).keySet());
    }

    SortedSet<String> usersOf(String module) {
        SortedSet<String> users = new TreeSet<>();
        dependencies.forEach((from, targets) -> {
            if (targets.containsKey(module)) {
                users.add(from);
            }
        });
        return users;
    }

    /** Tarjan's algorithm: the number of the strongly connected component of each module. */
    private Map<String, Integer> stronglyConnectedComponents() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        int[] counter = {0, 0};
        for (String module : modules) {
            if (!index.containsKey(module)) {
                connect(module, index, low, component, stack, onStack, counter);
            }
        }
        return component;
    }

    private void connect(String module, Map<String, Integer> index, Map<String, Integer> low, Map<String, Integer> component,
                         Deque<String> stack, Set<String> onStack, int[] counter) {
        index.put(module, counter[0]);
        low.put(module, counter[0]);
        counter[0]++;
        stack.push(module);
        onStack.add(module);
        for (String next : dependenciesOf(module)) {
            if (!index.containsKey(next)) {
                connect(next, index, low, component, stack, onStack, counter);
                low.put(module, Math.min(low.get(module), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(module, Math.min(low.get(module), index.get(next)));
            }
        }
        if (low.get(module).equals(index.get(module))) {
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.put(member, counter[1]);
            } while (!member.equals(module));
            counter[1]++;
        }
    }
}
