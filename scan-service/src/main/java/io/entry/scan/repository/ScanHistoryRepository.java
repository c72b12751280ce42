package io.entry.scan.repository;

import io.entry.model.api.InputType;
import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanHistoryItem;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scan history: one row per decision (Online) or per reconciled offline scan, unique by recordId. */
@ApplicationScoped
public class ScanHistoryRepository {

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    public record HistoryEntry(String recordId, ScanSource source, String requestId, String dataAccountId,
            String token, String eventId, String venueCode, long areaId, ScanMode scanMode, InputType inputType,
            ScanStatus status, ReasonCode reasonCode, String reasonMessage, boolean testMode,
            OffsetDateTime scannedAt, OffsetDateTime receivedAt, String timeZone, Long deviceId, String deviceName,
            String serialNumber, Long checkpointId, String checkpointName, Long specialAreaId,
            String specialAreaName) {
    }

    /** Inserts the entry; false when its recordId was already recorded. */
    public Uni<Boolean> add(SqlClient c, HistoryEntry h) {
        return c.preparedQuery("""
                INSERT INTO scan_history (record_id, source, request_id, data_account_id, token, event_id, venue_code,
                    area_id, scan_mode, input_type, status, reason_code, reason_message, test_mode, scanned_at,
                    received_at, time_zone, device_id, device_name, serial_number, checkpoint_id, checkpoint_name,
                    special_area_id, special_area_name)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                    $21, $22, $23, $24)
                ON CONFLICT (record_id) DO NOTHING RETURNING 1""")
                .execute(Tuple.from(Arrays.asList(h.recordId(), h.source().name(), h.requestId(), h.dataAccountId(),
                        h.token(), h.eventId(), h.venueCode(), h.areaId(), h.scanMode().name(),
                        h.inputType() == null ? null : h.inputType().name(), h.status().name(),
                        h.reasonCode() == null ? null : h.reasonCode().name(), h.reasonMessage(), h.testMode(),
                        h.scannedAt(), h.receivedAt(), h.timeZone(), h.deviceId(), h.deviceName(), h.serialNumber(),
                        h.checkpointId(), h.checkpointName(), h.specialAreaId(), h.specialAreaName())))
                .map(rows -> rows.rowCount() > 0);
    }

    /** A ticket's history, newest first, with venue-local times and offsets (CONTRACT §4). */
    public Uni<List<ScanHistoryItem>> ofTicket(SqlClient c, String account, String token) {
        return c.preparedQuery("""
                SELECT scanned_at, time_zone, scan_mode, status, reason_code, reason_message, input_type, device_id,
                    device_name, serial_number, checkpoint_name, special_area_name, source, test_mode
                FROM scan_history WHERE data_account_id = $1 AND token = $2
                ORDER BY scanned_at DESC, id DESC LIMIT 500""")
                .execute(Tuple.of(account, token))
                .map(rows -> {
                    List<ScanHistoryItem> items = new ArrayList<>();
                    for (Row r : rows) {
                        ZonedDateTime local = r.getOffsetDateTime(0).atZoneSameInstant(ZoneId.of(r.getString(1)));
                        items.add(new ScanHistoryItem(local.toLocalDateTime(), local.format(OFFSET),
                                ScanMode.valueOf(r.getString(2)), ScanStatus.valueOf(r.getString(3)),
                                r.getString(4) == null ? null : ReasonCode.valueOf(r.getString(4)), r.getString(5),
                                r.getString(6) == null ? null : InputType.valueOf(r.getString(6)), r.getLong(7),
                                r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                                ScanSource.valueOf(r.getString(12)), r.getBoolean(13)));
                    }
                    return items;
                });
    }
}
