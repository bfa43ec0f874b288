package cn.shequ.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes under a root package that a source file names in its code (imports, static imports,
 * qualified names), comments and string literals left out; each named by its top-level class.
 */
final class SourceNames {

    private SourceNames() {
    }

    static Set<String> of(Path sources, String topLevelClass, String root) {
        Path file = sources.resolve(topLevelClass.replace('.', '/') + ".java");
        Set<String> names = new TreeSet<>();
        if (!Files.exists(file)) {
            return names;
        }
        String code;
        try {
            code = codeOnly(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher name = Pattern.compile("\\b" + Pattern.quote(root) + "(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*").matcher(code);
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    /** The package of a top-level class name: everything before its first capitalised part. */
    static String packageOf(String topLevelClass) {
        return topLevelClass.substring(0, topLevelClass.lastIndexOf('.'));
    }

    /** The source without comments and with every string, text block and char literal emptied. */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
