package cn.shequ.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin (and the welcome page) in Chinese: our locales/zh.json beside the
 * webjar's en.json on the classpath has every key the English file has, with the same
 * placeholders, and says it in Chinese — so a Camunda upgrade that adds keys fails here, naming
 * them, instead of showing key names to users. The app's config.js makes zh the default.
 */
class WebappLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    /** Values that are the same in both languages: formats, file types, a product name, an empty value. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("null", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss", "Optimize");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAChineseTranslationWithTheSamePlaceholders(String app) throws IOException {
        Map<String, String> en = flat(read(APP + app + "/locales/en.json"));
        Map<String, String> zh = flat(read(APP + app + "/locales/zh.json"));
        assertThat(en).as("Camunda's en.json of %s", app).hasSizeGreaterThan(100);

        List<String> missing = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        en.forEach((key, value) -> {
            String chinese = zh.get(key);
            if (chinese == null) {
                missing.add(key);
                return;
            }
            if (key.startsWith("labels.") && chinese.equals(value) && value.matches(".*[A-Za-z]{3}.*")
                    && !SAME_IN_CHINESE.contains(value)) {
                english.add(key + " = " + value);
            }
            if (!placeholders(value).equals(placeholders(chinese))) {
                placeholders.add(key + ": " + value + " → " + chinese);
            }
        });
        assertThat(missing).as("keys of %s/locales/en.json missing from our zh.json", app).isEmpty();
        assertThat(english).as("%s/locales/zh.json values left in English", app).isEmpty();
        assertThat(placeholders).as("%s/locales/zh.json placeholders changed", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesReadAsTheYearMonthAndDayAndWeekdaysInChinese(String app) throws IOException {
        JsonNode dates = read(APP + app + "/locales/zh.json").path("dateLocales");
        assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("YYYY-MM-DD");
        assertThat(dates.path("longDateFormat").path("LLL").asText()).isEqualTo("YYYY-MM-DD HH:mm");
        assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("星期一");
        assertThat(dates.path("relativeTime").path("past").asText()).isEqualTo("%s前");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseIsTheDefaultLocaleAndCamundasWelcomeBoxAndMigrationBannerAreOff(String app) throws IOException {
        String config = text(APP + app + "/scripts/config.js");
        assertThat(config).contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'", "disableWelcomeMessage: true",
                "normal: 'YYYY-MM-DD HH:mm'");
        assertThat(text(APP + app + "/styles/user-styles.css")).containsPattern("\\.ce-eol-banner \\{\\s*display: none");
        assertThat(flat(read(APP + app + "/locales/zh.json")).get("labels.BANNER_CE_EOL_TEXT")).isEmpty();
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s", ""));
        }
        found.sort(null);
        return found;
    }

    private static Map<String, String> flat(JsonNode node) {
        Map<String, String> values = new TreeMap<>();
        flatten("", node, values);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), values);
            }
        } else {
            values.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }

    private static JsonNode read(String resource) throws IOException {
        String text = text(resource);
        return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
