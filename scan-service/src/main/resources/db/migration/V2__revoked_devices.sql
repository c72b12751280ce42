-- Device revocations (CONTRACT §3), read by service-runtime's RevokedDeviceCheck; fed from entry.device-sessions.v1.
CREATE TABLE revoked_devices (
    data_account_id TEXT NOT NULL,
    serial_number   TEXT NOT NULL,
    device_id       BIGINT,
    revoked_at      TIMESTAMPTZ NOT NULL,
    last_record_id  TEXT,
    PRIMARY KEY (data_account_id, serial_number)
);
