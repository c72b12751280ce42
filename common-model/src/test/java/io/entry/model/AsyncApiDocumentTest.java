package io.entry.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.events.RecordTypes;
import io.entry.model.events.Topics;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The analysts' AsyncAPI document (docs/asyncapi.yaml) names every topic and points at schemas that exist. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");

    @Test
    void everyTopicIsDescribed() throws IOException, IllegalAccessException {
        String document = Files.readString(DOCUMENT);
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(document).as("topic " + field.getName()).contains("address: " + field.get(null) + "\n");
            }
        }
    }

    @Test
    void everySchemaReferenceResolvesToARecordType() throws IOException {
        Matcher ref = Pattern.compile("schemas/(\\w+)\\.schema\\.json").matcher(Files.readString(DOCUMENT));
        int found = 0;
        while (ref.find()) {
            found++;
            String eventType = ref.group(1);
            assertThat(RecordTypes.ALL).as("record type " + eventType)
                    .anyMatch(type -> type.eventType().equals(eventType));
            assertThat(Path.of("src/main/resources/schemas/" + eventType + ".schema.json")).exists();
        }
        assertThat(found).isEqualTo(RecordTypes.ALL.size());
    }
}
