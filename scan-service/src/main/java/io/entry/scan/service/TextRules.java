package io.entry.scan.service;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL text cannot hold the NUL character (a parameter with it fails the statement): every string that may
 * reach SQL is checked here first, so a request answers 400 and a Kafka record is skipped or dead-lettered instead
 * of failing (and being retried) in the database.
 */
public final class TextRules {

    private TextRules() {
    }

    public static boolean containsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** The path of the first string holding NUL in a record (nested records, collections and maps included). */
    public static Optional<String> fieldWithNul(Object value) {
        return find(value, "");
    }

    private static Optional<String> find(Object value, String path) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return containsNul(text.toString()) ? Optional.of(path.isEmpty() ? "value" : path) : Optional.empty();
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                Optional<String> found = find(item, path + "[" + i++ + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Optional<String> found = find(e.getKey(), path + "{key}")
                        .or(() -> find(e.getValue(), path + "." + e.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object field;
                try {
                    var accessor = component.getAccessor();
                    accessor.trySetAccessible(); // records declared in non-public classes
                    field = accessor.invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                Optional<String> found = find(field, path.isEmpty() ? component.getName()
                        : path + "." + component.getName());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
