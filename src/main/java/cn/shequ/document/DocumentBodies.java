package cn.shequ.document;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What a document says ({@link DocumentContent}) as the JSON kept in {@code document.body} from its
 * issue until its PDF is rendered (ADR 0039). The renderer checks that the content read back has
 * the fingerprint issued ({@link Fingerprint#of}), so a change of this format cannot go unnoticed.
 */
final class DocumentBodies {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(DocumentContent.Block.class, BlockKinds.class);

    private DocumentBodies() {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = DocumentContent.Heading.class, name = "heading"),
            @JsonSubTypes.Type(value = DocumentContent.Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = DocumentContent.Fields.class, name = "fields"),
            @JsonSubTypes.Type(value = DocumentContent.Table.class, name = "table")})
    private interface BlockKinds {}

    static String write(DocumentContent content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document content cannot be written as JSON", e);
        }
    }

    static DocumentContent read(String body) {
        try {
            return JSON.readValue(body, DocumentContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document body is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
