package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDateTime;

/** One scan of a ticket as Ticket Lookup shows it, newest first (CONTRACT §4). */
public record ScanHistoryItem(
        @JsonFormat(pattern = Event.LOCAL_DATE_TIME) LocalDateTime scanDateTime,
        String offset,
        ScanMode scanMode,
        ScanStatus status,
        ReasonCode reasonCode,
        String reasonMessage,
        InputType inputType,
        Long deviceId,
        String deviceName,
        String serialNumber,
        String checkpointName,
        String specialAreaName,
        ScanSource source,
        boolean testMode) {
}
