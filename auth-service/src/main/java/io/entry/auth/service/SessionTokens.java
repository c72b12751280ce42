package io.entry.auth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entry.model.api.CreateSessionRequest;
import io.entry.model.api.SoftwareMode;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import io.entry.runtime.security.Roles;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The claim sets of CONTRACT §3, with the vendor sample's JSON types and every claim present (null where absent).
 * Built as JSON here rather than by a JWT library so no library drops a null claim or turns an integer into a
 * string.
 */
public final class SessionTokens {

    private SessionTokens() {
    }

    /** A FULL session's claims. */
    public static ObjectNode full(ObjectMapper json, String issuer, UUID jti, Instant issuedAt, Instant expiresAt,
            CreateSessionRequest request, SessionPlacement placement, long deviceId, int deviceNumber,
            String deviceName, String partnerId) {
        VenueRecord venue = placement.venue();
        LayoutRecord layout = placement.layout();
        LayoutRecord.SpecialArea area = placement.specialArea();
        LayoutRecord.Checkpoint checkpoint = placement.checkpoint();
        ObjectNode claims = json.createObjectNode();
        claims.put("deviceId", deviceId);
        claims.put("deviceName", deviceName);
        claims.put("deviceNumber", deviceNumber);
        claims.put("serialNumber", request.serialNumber());
        claims.put("venueName", venue.venueName());
        claims.put("venueCode", venue.venueCode());
        claims.put("checkpointLayoutId", layout == null ? null : layout.checkpointLayoutId());
        claims.put("checkpointLayoutName", layout == null ? null : layout.checkpointLayoutName());
        claims.put("checkpointLayoutCode", layout == null ? null : layout.checkpointLayoutCode());
        claims.put("specialAreaId", area == null ? null : area.specialAreaId());
        claims.put("specialAreaName", area == null ? null : area.specialAreaName());
        claims.put("specialAreaMaxCapacity", area == null ? null : area.maxCapacity());
        claims.put("specialAreaMaxEntryPerTicket", area == null ? null : area.maxEntryPerTicket());
        claims.put("specialAreaRequireEntryExit", area == null ? null : area.requireEntryExit());
        claims.put("checkpointId", checkpoint == null ? null : checkpoint.checkpointId());
        claims.put("checkpointName", checkpoint == null ? null : checkpoint.checkpointName());
        claims.put("partnerId", partnerId);
        claims.put("deviceType", deviceType(request.softwareMode()));
        claims.put("dataAccountId", request.dataAccountId());
        claims.put("accessorySerialNumber", request.accessorySerialNumber());
        // the vendor's sample token carries accessoryNumber, but no request field feeds it
        claims.putNull("accessoryNumber");
        claims.put("venueTimezone", venue.timeZone());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iss", issuer);
        claims.put("sub", Long.toString(deviceId));
        claims.put("jti", jti.toString());
        claims.put("integratorType", "FULL");
        claims.putArray("groups").add(Roles.DEVICE);
        return claims;
    }

    /** A LIMITED (Lite) session's reduced claims. */
    public static ObjectNode limited(ObjectMapper json, String issuer, UUID jti, Instant issuedAt, Instant expiresAt,
            String dataAccountId, String serialNumber, VenueRecord venue, String partnerId) {
        ObjectNode claims = json.createObjectNode();
        claims.put("dataAccountId", dataAccountId);
        claims.put("venueCode", venue.venueCode());
        claims.put("venueName", venue.venueName());
        claims.put("venueTimezone", venue.timeZone());
        claims.put("serialNumber", serialNumber);
        claims.put("partnerId", partnerId);
        claims.put("iss", issuer);
        claims.put("sub", serialNumber);
        claims.put("jti", jti.toString());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("integratorType", "LIMITED");
        claims.putArray("groups").add(Roles.INTEGRATOR);
        return claims;
    }

    /** {@code softwareMode} in lower case, {@code handheld} when absent. */
    public static String deviceType(SoftwareMode mode) {
        return (mode == null ? SoftwareMode.HANDHELD : mode).wire().toLowerCase(Locale.ROOT);
    }
}
