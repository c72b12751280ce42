package io.entry.offline.service;

import io.entry.model.api.OfflineScan;
import io.entry.model.api.ScanSource;
import io.entry.model.events.ScanEventRecord;
import io.entry.offline.model.UploadEntity;
import io.entry.offline.service.UploadDecoder.IndexedScan;
import java.util.Objects;

/** Maps an accepted offline scan of an upload to the scan event it is replayed as (CONTRACT §6). */
public final class OfflineScanEvents {

    private OfflineScanEvents() {
    }

    public static ScanEventRecord of(UploadEntity upload, IndexedScan indexed) {
        OfflineScan scan = indexed.scan();
        // where the item does not say, the device's assignment at upload time applies; a name only when it is that one
        Long checkpointId = scan.checkpointId() != null ? scan.checkpointId() : upload.checkpointId;
        String checkpointName = Objects.equals(checkpointId, upload.checkpointId) ? upload.checkpointName : null;
        Long specialAreaId = scan.specialAreaId() != null ? scan.specialAreaId() : upload.specialAreaId;
        String specialAreaName = Objects.equals(specialAreaId, upload.specialAreaId) ? upload.specialAreaName : null;
        return new ScanEventRecord(
                UploadNames.recordId(upload.eventId, upload.filename, indexed.index()),
                ScanSource.OFFLINE,
                upload.requestId,
                upload.dataAccountId,
                upload.venueCode,
                upload.eventId,
                scan.token(),
                null,
                scan.scanMode(),
                scan.inputType(),
                scan.nfcType(),
                scan.barcodeType(),
                Boolean.TRUE.equals(scan.testMode()),
                scan.status(),
                scan.reasonCode(),
                scan.reasonCode() == null ? null : scan.reasonCode().defaultMessage(),
                scan.scanDateTime(),
                upload.receivedAt,
                upload.deviceId,
                upload.deviceName,
                upload.serialNumber,
                checkpointId,
                checkpointName,
                specialAreaId,
                specialAreaName,
                upload.objectKey,
                upload.filename,
                indexed.index(),
                scan.telemetry());
    }
}
