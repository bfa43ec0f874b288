package cn.shequ.modules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module's {@code package-info.java} says: its first sentence (what the module is for) and,
 * when it has one, the paragraph {@code Offers: {@link A}, {@link sub.B}} naming the types other
 * modules may use (its public surface).
 */
record PackageInfo(String summary, Optional<SortedSet<String>> offers) {

    private static final Pattern OFFERS = Pattern.compile("Offers[^:]*:(.*?)(?:<p>|\\*/|$)", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\{@link\\s+([\\w.]+)[^}]*}");

    /** The package-info of module {@code module} under {@code sources} (a source root), or an empty one. */
    static PackageInfo of(Path sources, String root, String module) {
        Path file = sources.resolve((root + "." + module).replace('.', '/')).resolve("package-info.java");
        if (!Files.exists(file)) {
            return new PackageInfo("", Optional.empty());
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf("/**");
        int end = text.indexOf("*/", start);
        String javadoc = start < 0 || end < 0 ? "" : text.substring(start + 3, end + 2);
        String plain = javadoc.replaceAll("(?m)^\\s*\\*(?!/)\\s?", "").replace("*/", "").trim();
        return new PackageInfo(firstSentence(plain), offers(plain, root + "." + module));
    }

    private static String firstSentence(String plain) {
        String flat = plain.replaceAll("\\{@(?:code|link)\\s+([^}]*)}", "$1").replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ").trim();
        int stop = flat.indexOf(". ");
        int chinese = flat.indexOf('。');
        if (chinese >= 0 && (stop < 0 || chinese < stop)) {
            return flat.substring(0, chinese + 1);
        }
        return stop < 0 ? flat : flat.substring(0, stop + 1);
    }

    private static Optional<SortedSet<String>> offers(String plain, String modulePackage) {
        Matcher paragraph = OFFERS.matcher(plain);
        if (!paragraph.find()) {
            return Optional.empty();
        }
        SortedSet<String> types = new TreeSet<>();
        Matcher link = LINK.matcher(paragraph.group(1));
        while (link.find()) {
            String name = link.group(1);
            types.add(name.startsWith(modulePackage + ".") ? name : modulePackage + "." + name);
        }
        return Optional.of(types);
    }
}
