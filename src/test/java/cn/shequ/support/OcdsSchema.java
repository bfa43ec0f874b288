package cn.shequ.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The OCDS 1.1.5 release-package schema (copies of ../shared/ocds in src/test/resources/ocds),
 * with the release schema's absolute URL mapped to the local copy; date-time formats are checked.
 */
public final class OcdsSchema {

    public static final String RELEASE_SCHEMA_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    private static final JsonSchema PACKAGE = load();

    private OcdsSchema() {}

    /** The schema's complaints about {@code releasePackage}; empty when it is valid. */
    public static Set<ValidationMessage> validate(JsonNode releasePackage) {
        return PACKAGE.validate(releasePackage);
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.schemaMappers(m -> m.mapPrefix(RELEASE_SCHEMA_URL, "classpath:ocds/release-schema.json")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(OcdsSchema.class.getResourceAsStream("/ocds/release-package-schema.json"), config);
    }
}
