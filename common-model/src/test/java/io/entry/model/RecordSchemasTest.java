package io.entry.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.entry.model.events.RecordTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the published JSON Schemas in step with the event records: one copy of each schema, derived from the record.
 * Run with {@code -Dentry.schemas.update=true} after changing a record to rewrite the files, then review the diff.
 */
class RecordSchemasTest {

    private static final ObjectMapper JSON = EntryJson.newMapper();
    private static final Path SCHEMA_DIR = Path.of("src/main/resources");

    static Stream<Arguments> recordTypes() {
        return RecordTypes.ALL.stream().map(type -> Arguments.of(type.eventType(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void publishedSchemaMatchesTheRecord(String eventType, RecordTypes.Type type) throws IOException {
        JsonNode generated = generate(type);
        if (Boolean.getBoolean("entry.schemas.update")) {
            Files.writeString(SCHEMA_DIR.resolve(type.schemaResource()),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
        }
        Path published = SCHEMA_DIR.resolve(type.schemaResource());
        assertThat(published).as("schema file (run with -Dentry.schemas.update=true)").exists();
        JsonNode onFile = JSON.readTree(published.toFile());
        assertThat(onFile).as("%s is out of step with %s: run with -Dentry.schemas.update=true",
                type.schemaResource(), type.recordClass().getSimpleName()).isEqualTo(generated);
    }

    static JsonNode generate(RecordTypes.Type type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(JSON, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
        config.forTypesInGeneral().withTitleResolver(scope -> scope.getType().getErasedType() == type.recordClass()
                ? type.eventType() + " v" + type.schemaVersion() : null);
        config.forTypesInGeneral().withIdResolver(scope -> scope.getType().getErasedType() == type.recordClass()
                ? "https://entry.example/schemas/" + type.eventType() + ".schema.json" : null);
        config.forTypesInGeneral().withDescriptionResolver(scope -> scope.getType().getErasedType() == type.recordClass()
                ? "Value of the topics " + String.join(", ", type.topics()) : null);
        SchemaGenerator generator = new SchemaGenerator(config.build());
        return generator.generateSchema(type.recordClass());
    }
}
