package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequ.procurement.PurchaseProcess;
import cn.shequ.project.ServiceProjectProcess;
import cn.shequ.provider.ProviderCertificationProcess;
import cn.shequ.reports.AnnualReportProcess;
import cn.shequ.rules.Decisions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests name process ids, task keys, element ids, messages and decision tables by the constants of their
 * process classes ({@link ServiceProjectProcess}, {@link PurchaseProcess}, {@link ProviderCertificationProcess},
 * {@link AnnualReportProcess}, {@link Decisions}), never as string literals: a renamed task then fails to
 * compile instead of leaving a test that looks for a task no longer there (ADR 0057). This scans every Java
 * file under src/test/java for a string literal equal to one of those names and fails naming file:line and the
 * constant to use.
 *
 * <p>Not checked: single words that are also JSON field names of the API ({@code milestones}, {@code evaluation}),
 * variable names (most literals that spell one are the API's JSON fields of the same name), and the ids of
 * elements of a page that a browser test looks up ({@code By.id("publish-notice")}, {@code pages.submit(...)}):
 * they name a button of a template, not the task.
 */
class TestsUseProcessConstantsTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A literal right after one of these names an element of a page, not of a process. */
    private static final Pattern PAGE_ELEMENT = Pattern.compile("(By\\.\\w+\\(|\\.submit\\(|\\.click\\(|\\.type\\(|screenshot\\()\\s*$");

    @Test
    void noTestSpellsAProcessNameThatHasAConstant() throws IOException {
        Map<String, String> names = processNames();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.endsWith(TestsUseProcessConstantsTest.class.getSimpleName() + ".java")) {
                    continue;
                }
                found.addAll(literalsIn(file, names));
            }
        }
        assertThat(found).as("string literals in tests that spell a process name: use the constant instead").isEmpty();
    }

    /** The check finds what it is for: a task key, an element id and a process id spelled out, not a page's button. */
    @Test
    void theScanFindsASpelledTaskKeyAndLeavesAPageElementAlone() throws IOException {
        Path file = Files.createTempFile("Spelled", ".java");
        try {
            Files.writeString(file, String.join("\n",
                    "class Spelled {",
                    "    // \"finance-review\" in a comment is prose",
                    "    void run() {",
                    "        complete(code, \"finance-review\", Map.of(\"decision\", \"APPROVE\"));",
                    "        start(\"purchase-of-service\"); await(\"bid-deadline\");",
                    "        browser.click(driver.findElement(By.id(\"publish-notice\")));",
                    "        text(\"\"\"",
                    "            score-bid",
                    "            \"\"\");",
                    "    }",
                    "}"), StandardCharsets.UTF_8);
            assertThat(literalsIn(file, processNames())).containsExactly(
                    file + ":4: \"finance-review\" is ServiceProjectProcess.Tasks.FINANCE_REVIEW",
                    file + ":5: \"purchase-of-service\" is PurchaseProcess.PROCESS_ID",
                    file + ":5: \"bid-deadline\" is PurchaseProcess.Elements.BID_DEADLINE");
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> literalsIn(Path file, Map<String, String> names) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean inComment = false;
        boolean inTextBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.contains("\"\"\"")) {
                inTextBlock = (trimmed.split("\"\"\"", -1).length - 1) % 2 == 1 != inTextBlock;
                continue;
            }
            if (inTextBlock) {
                continue;
            }
            if (inComment) {
                inComment = !trimmed.contains("*/");
                continue;
            }
            if (trimmed.startsWith("/*")) {
                inComment = !trimmed.contains("*/");
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("import ")) {
                continue;
            }
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
                String before = line.substring(0, literal.start());
                if (before.contains("//") && before.indexOf("//") > before.lastIndexOf('"')) {
                    break; // the rest of the line is a comment
                }
                String constant = names.get(literal.group(1));
                if (constant != null && !PAGE_ELEMENT.matcher(before).find()) {
                    found.add(file + ":" + (i + 1) + ": \"" + literal.group(1) + "\" is " + constant);
                }
            }
        }
        return found;
    }

    /** Name → the constant that holds it, for every process and decision name a test could spell. */
    static Map<String, String> processNames() {
        Map<String, String> names = new TreeMap<>();
        for (Class<?> process : List.of(ServiceProjectProcess.class, PurchaseProcess.class, ProviderCertificationProcess.class,
                AnnualReportProcess.class)) {
            add(names, process, "PROCESS_ID");
            add(names, process, "RESOURCE");
            for (Class<?> nested : process.getDeclaredClasses()) {
                if (List.of("Tasks", "Elements", "Messages").contains(nested.getSimpleName())) {
                    for (Field field : nested.getDeclaredFields()) {
                        add(names, nested, field.getName());
                    }
                }
            }
        }
        for (Class<?> table : Decisions.class.getDeclaredClasses()) {
            add(names, table, "ID");
            add(names, table, "RESOURCE");
        }
        // single words that are also the API's JSON fields (a contract's "milestones"); task keys count all the same
        names.keySet().removeIf(name -> !name.contains("-") && !name.contains("/")
                && !names.get(name).contains(".Tasks."));
        assertThat(names).containsKeys(ServiceProjectProcess.Tasks.FINANCE_REVIEW, PurchaseProcess.Tasks.SCORE_BID,
                PurchaseProcess.PROCESS_ID, Decisions.ApprovalAuthority.ID, ServiceProjectProcess.Tasks.RECTIFY);
        return names;
    }

    private static void add(Map<String, String> names, Class<?> owner, String fieldName) {
        try {
            Field field = owner.getDeclaredField(fieldName);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                return;
            }
            String constant = owner.getName().substring(owner.getPackageName().length() + 1).replace('$', '.') + "." + fieldName;
            names.putIfAbsent((String) field.get(null), constant);
        } catch (NoSuchFieldException e) {
            // a process without that name (none of its elements is a message, say)
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
