-- auth-service schema. Each service owns its own database; no service reads another's tables (CONTRACT §8).

-- API keys: only the SHA-256 hash of a key is stored (CONTRACT §3). The columns of the shared read model
-- (service-runtime ApiKeyGuard) come first, so the same guard checks keys here and in the other services.
CREATE TABLE api_clients (
    key_hash         TEXT PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    partner_id       TEXT NOT NULL,
    data_account_ids TEXT[] NOT NULL,
    revoked          BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_record_id   TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Devices: a stable numeric id per (account, serial) and a number unique within the venue. The number is chosen in
-- SQL; two new devices racing for the same number hit devices_venue_number_key and the loser retries.
CREATE TABLE devices (
    device_id                                BIGSERIAL PRIMARY KEY,
    data_account_id                          TEXT NOT NULL,
    serial_number                            TEXT NOT NULL,
    venue_code                               TEXT NOT NULL,
    device_number                            INTEGER NOT NULL CHECK (device_number > 0),
    make                                     TEXT NOT NULL,
    model                                    TEXT NOT NULL,
    firmware_version                         TEXT,
    software_version                         TEXT,
    mac_address                              TEXT,
    software_mode                            TEXT,
    accessory_serial_number                  TEXT,
    accessory_firmware                       TEXT,
    accessory_model                          TEXT,
    accessory_make                           TEXT,
    -- the device's own special-area configuration; the catalog's limits always apply (CONTRACT §3)
    declared_special_area_id                 BIGINT,
    declared_special_area_name               TEXT,
    declared_special_area_max_entry_per_ticket INTEGER,
    declared_special_area_max_capacity       INTEGER,
    declared_special_area_require_entry_exit BOOLEAN,
    telemetry                                JSONB,
    created_at                               TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_session_at                          TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at                               TIMESTAMPTZ,
    CONSTRAINT devices_serial_key UNIQUE (data_account_id, serial_number),
    CONSTRAINT devices_venue_number_key UNIQUE (data_account_id, venue_code, device_number)
);

-- Issued sessions (FULL and LIMITED), by token id.
CREATE TABLE sessions (
    jti             UUID PRIMARY KEY,
    device_id       BIGINT REFERENCES devices (device_id),
    data_account_id TEXT NOT NULL,
    serial_number   TEXT NOT NULL,
    venue_code      TEXT NOT NULL,
    partner_id      TEXT NOT NULL,
    integrator_type TEXT NOT NULL CHECK (integrator_type IN ('FULL', 'LIMITED')),
    request_id      TEXT,
    issued_at       TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL
);

-- Catalog read model (entry.catalog.venues.v1 / entry.catalog.layouts.v1, published by device-service).
CREATE TABLE catalog_venues (
    data_account_id      TEXT NOT NULL,
    venue_code           TEXT NOT NULL,
    venue_name           TEXT NOT NULL,
    time_zone            TEXT NOT NULL,
    checkpoint_layout_id BIGINT,
    PRIMARY KEY (data_account_id, venue_code)
);

-- A layout with its checkpoints, special areas and device assignments, kept whole as the record carries it: it is
-- always read whole, by id, when a session is opened.
CREATE TABLE catalog_layouts (
    data_account_id      TEXT NOT NULL,
    checkpoint_layout_id BIGINT NOT NULL,
    venue_code           TEXT NOT NULL,
    layout               JSONB NOT NULL,
    PRIMARY KEY (data_account_id, checkpoint_layout_id)
);

-- Records already applied by the consumers, so a redelivery changes nothing (same transaction as the change).
CREATE TABLE consumed_records (
    record_id   TEXT PRIMARY KEY,
    consumed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Which read models have been filled at least once: readiness survives restarts during a Kafka outage.
CREATE TABLE read_model_state (
    name      TEXT PRIMARY KEY,
    filled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Transactional outbox: written with the change that causes it, published by OutboxRelay.
CREATE TABLE outbox (
    id             BIGSERIAL PRIMARY KEY,
    topic          TEXT NOT NULL,
    record_key     TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    request_id     TEXT,
    payload        TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Shared revocation check (service-runtime RevokedDeviceCheck), fed from entry.device-sessions.v1 like every service.
CREATE TABLE revoked_devices (
    data_account_id TEXT NOT NULL,
    serial_number   TEXT NOT NULL,
    device_id       BIGINT,
    revoked_at      TIMESTAMPTZ NOT NULL,
    last_record_id  TEXT,
    PRIMARY KEY (data_account_id, serial_number)
);
