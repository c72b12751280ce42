package io.entry.runtime.security;

import io.entry.model.api.IntegratorType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims of a verified session token (CONTRACT §3) that services act on. LIMITED tokens have no device, so the
 * device fields are null for them.
 */
public record SessionClaims(
        IntegratorType integratorType,
        String dataAccountId,
        String venueCode,
        String venueName,
        String venueTimezone,
        String serialNumber,
        String partnerId,
        Long deviceId,
        String deviceName,
        Long checkpointLayoutId,
        Long checkpointId,
        String checkpointName,
        Long specialAreaId,
        String specialAreaName,
        long issuedAt) {

    public static SessionClaims of(JsonWebToken jwt) {
        return new SessionClaims(
                "LIMITED".equals(string(jwt, "integratorType")) ? IntegratorType.LIMITED : IntegratorType.FULL,
                string(jwt, "dataAccountId"),
                string(jwt, "venueCode"),
                string(jwt, "venueName"),
                string(jwt, "venueTimezone"),
                string(jwt, "serialNumber"),
                string(jwt, "partnerId"),
                number(jwt, "deviceId"),
                string(jwt, "deviceName"),
                number(jwt, "checkpointLayoutId"),
                number(jwt, "checkpointId"),
                string(jwt, "checkpointName"),
                number(jwt, "specialAreaId"),
                string(jwt, "specialAreaName"),
                jwt.getIssuedAtTime());
    }

    public boolean full() {
        return integratorType == IntegratorType.FULL;
    }

    private static String string(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        if (value instanceof jakarta.json.JsonValue json && json.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        return value.toString();
    }

    private static Long number(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof jakarta.json.JsonNumber json) {
            return json.longValue();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof jakarta.json.JsonString json) {
            try {
                return Long.parseLong(json.getString());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
