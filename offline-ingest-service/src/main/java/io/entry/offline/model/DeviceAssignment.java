package io.entry.offline.model;

/** A device of an account as the device-sessions read model knows it: its current assignment and revocation. */
public record DeviceAssignment(Long deviceId, String deviceName, Long checkpointId, String checkpointName,
        Long specialAreaId, String specialAreaName, boolean revoked) {
}
