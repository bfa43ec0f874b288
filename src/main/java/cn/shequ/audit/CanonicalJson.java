package cn.shequ.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The details of an audit entry as canonical JSON text: object keys sorted (at every depth), no
 * whitespace, strings escaped as in {@link CanonicalForm}, decimals as written ({@code 30000.00}
 * keeps its scale), dates as ISO-8601 text. The same values give the same text whatever the order
 * in which a map was filled. The stored text is what the hash covers; it is never re-serialized.
 */
final class CanonicalJson {

    // A mapper of its own: the application's ObjectMapper settings must not change stored text.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private CanonicalJson() {}

    static String of(Map<String, ?> details) {
        StringBuilder out = new StringBuilder(128);
        write(out, tree(details));
        return out.toString();
    }

    /**
     * The details as a JSON tree; a value Jackson cannot serialize (an engine-specific object, a
     * cycle) is recorded by its {@code toString()}, so that recording an event never fails the
     * change it records.
     */
    private static JsonNode tree(Map<String, ?> details) {
        try {
            return MAPPER.valueToTree(details);
        } catch (IllegalArgumentException unserializable) {
            Map<String, Object> safe = new TreeMap<>();
            details.forEach((name, value) -> {
                try {
                    safe.put(name, MAPPER.valueToTree(value));
                } catch (IllegalArgumentException e) {
                    safe.put(name, String.valueOf(value));
                }
            });
            return MAPPER.valueToTree(safe);
        }
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                CanonicalForm.string(out, field.getKey()).append(':');
                write(out, field.getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> items = node.elements(); items.hasNext(); ) {
                write(out, items.next());
                if (items.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else if (node.isBigDecimal()) {
            out.append(node.decimalValue().toPlainString());
        } else if (node.isNumber() || node.isBoolean()) {
            out.append(node.asText());
        } else if (node.isBinary()) {
            CanonicalForm.string(out, node.asText());
        } else {
            CanonicalForm.string(out, node.textValue() != null ? node.textValue() : node.asText());
        }
    }
}
