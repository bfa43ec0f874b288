package cn.shequ.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A task's decision form as the workbench renders it, read from the same Camunda Form file that
 * Tasklist shows (forms/&lt;task key&gt;.form, deployed with the processes): one definition of each
 * task's fields. Components with a key become inputs (their type, label, choices and limits);
 * text components become the form's explanation; the FEEL conditions of hints are not evaluated, so
 * conditional hints are left out (the server names a missing reason anyway), and so is text that
 * Tasklist fills from variables ({{dossier}}): the workbench shows the whole dossier beside the form.
 */
@Component
public class TaskForm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    /** One choice of a radio or select. */
    public record Choice(String value, String label) {}

    /** A piece of explanation text, bold or not. */
    public record Run(String text, boolean bold) {}

    /** A block of explanation: a heading or a paragraph. */
    public record Block(boolean heading, List<Run> runs) {}

    /** One component: an input (key not null) or explanation (blocks). */
    public record Field(String key, String type, String label, String description, List<Choice> choices, boolean required,
                 Integer min, Integer max, Integer maxLength, List<Block> blocks) {

        public boolean input() {
            return key != null;
        }

        /** A value typed into this field as the API receives it from JSON (a whole number), else as typed for the step's rules. */
        public Object parse(String value) {
            if ("number".equals(type) && value.matches("-?\\d{1,18}")) {
                return Long.valueOf(value);
            }
            if ("checkbox".equals(type)) {
                return Boolean.valueOf("true".equals(value) || "on".equals(value));
            }
            return value;
        }

        /** HTML input type of a number, date or text field. */
        public String inputType() {
            return switch (type) {
                case "number" -> "number";
                case "datetime" -> "date";
                default -> "text";
            };
        }
    }

    private final Map<String, List<Field>> byKey = new ConcurrentHashMap<>();

    public List<Field> of(String taskKey) {
        return byKey.computeIfAbsent(taskKey, TaskForm::read);
    }

    public List<Field> inputs(String taskKey) {
        return of(taskKey).stream().filter(Field::input).toList();
    }

    private static List<Field> read(String taskKey) {
        if (!taskKey.matches("[a-z0-9-]+")) {
            return List.of();
        }
        try (InputStream in = TaskForm.class.getClassLoader().getResourceAsStream("forms/" + taskKey + ".form")) {
            if (in == null) {
                return List.of();
            }
            List<Field> fields = new ArrayList<>();
            collect(JSON.readTree(in).path("components"), fields);
            return List.copyOf(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable form forms/" + taskKey + ".form", e);
        }
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("text".equals(type)) {
                if (!c.has("conditional") && !c.path("text").asText().contains("{{")) {
                    fields.add(new Field(null, type, null, null, List.of(), false, null, null, null, blocks(c.path("text").asText())));
                }
            } else if (c.hasNonNull("key")) {
                List<Choice> choices = new ArrayList<>();
                c.path("values").forEach(v -> choices.add(new Choice(v.path("value").asText(), v.path("label").asText())));
                JsonNode validate = c.path("validate");
                String label = c.hasNonNull("label") ? c.path("label").asText() : c.path("dateLabel").asText(c.path("key").asText());
                fields.add(new Field(c.path("key").asText(), type, label,
                        c.hasNonNull("description") ? c.path("description").asText() : null, List.copyOf(choices),
                        validate.path("required").asBoolean(false), number(validate, "min"), number(validate, "max"),
                        number(validate, "maxLength"), List.of()));
            }
            collect(c.path("components"), fields);
        }
    }

    private static Integer number(JsonNode validate, String name) {
        return validate.has(name) && validate.path(name).canConvertToInt() && validate.path(name).isIntegralNumber()
                ? validate.path(name).asInt() : null;
    }

    /** The markdown of a text component as headings and paragraphs with bold runs (no HTML is passed through). */
    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            boolean heading = text.startsWith("#");
            text = text.replaceFirst("^#+\\s*", "").replace("`", "");
            List<Run> runs = new ArrayList<>();
            Matcher bold = BOLD.matcher(text);
            int at = 0;
            while (bold.find()) {
                if (bold.start() > at) {
                    runs.add(new Run(text.substring(at, bold.start()), false));
                }
                runs.add(new Run(bold.group(1), true));
                at = bold.end();
            }
            if (at < text.length()) {
                runs.add(new Run(text.substring(at), false));
            }
            blocks.add(new Block(heading, List.copyOf(runs)));
        }
        return List.copyOf(blocks);
    }
}
