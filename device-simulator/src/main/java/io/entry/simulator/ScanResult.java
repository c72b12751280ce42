package io.entry.simulator;

import io.entry.model.api.ReasonCode;
import io.entry.model.api.ScanMode;
import io.entry.model.api.ScanSource;
import io.entry.model.api.ScanStatus;

/**
 * One scan as the simulator saw it. Online: the server's answer ({@code httpStatus} 200) or the HTTP failure;
 * Offline: the device's own decision. {@code sentNanos}/{@code answeredNanos} are {@link System#nanoTime()}
 * readings, used for latency and for the occupancy bound.
 */
public record ScanResult(
        PlannedScan planned,
        String serialNumber,
        Long specialAreaId,
        ScanSource source,
        String requestId,
        int httpStatus,
        ScanStatus status,
        ReasonCode reasonCode,
        long sentNanos,
        long answeredNanos) {

    public boolean answered() {
        return source == ScanSource.OFFLINE || httpStatus == 200;
    }

    public boolean online() {
        return source == ScanSource.ONLINE;
    }

    public boolean admittedEntry() {
        return answered() && planned.mode() == ScanMode.ENTRY && status == ScanStatus.ADMIT;
    }

    public boolean admittedExit() {
        return answered() && planned.mode() == ScanMode.EXIT && status == ScanStatus.ADMIT;
    }

    public long latencyNanos() {
        return answeredNanos - sentNanos;
    }

    /** (token, area) key: the venue is area 0. */
    public String ticketArea() {
        return planned.token() + "@" + (specialAreaId == null ? 0 : specialAreaId);
    }
}
