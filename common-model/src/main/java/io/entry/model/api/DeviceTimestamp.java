package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The device's own clock as it sent it: a date, or an ISO-8601 date-time with or without offset (CONTRACT §2).
 * Kept as sent so it can be stored and echoed; rejected when it is none of those.
 */
public record DeviceTimestamp(@JsonValue String value) {

    public DeviceTimestamp {
        if (value == null || !parses(value.trim())) {
            throw new IllegalArgumentException("must be an ISO-8601 date or date-time");
        }
        value = value.trim();
    }

    @JsonCreator
    public static DeviceTimestamp fromJson(String text) {
        return text == null ? null : new DeviceTimestamp(text);
    }

    private static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notWithOffset) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate.parse(text);
                    return true;
                } catch (DateTimeParseException notDate) {
                    return false;
                }
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
