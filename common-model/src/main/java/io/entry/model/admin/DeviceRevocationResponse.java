package io.entry.model.admin;

import java.time.Instant;

/** Admin: a device was revoked; its tokens issued up to {@code revokedAt} are refused everywhere. */
public record DeviceRevocationResponse(String dataAccountId, String serialNumber, long deviceId, Instant revokedAt) {
}
