-- device-service schema. Each service owns its own database; no service reads another's tables (CONTRACT §8).

-- ---------------------------------------------------------------- catalog (CONTRACT §4, §5, §8)
CREATE TABLE venues (
    data_account_id      TEXT   NOT NULL,
    venue_code           TEXT   NOT NULL,
    venue_name           TEXT   NOT NULL,
    time_zone            TEXT   NOT NULL,
    checkpoint_layout_id BIGINT,
    content_hash         TEXT   NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (data_account_id, venue_code)
);

CREATE TABLE layouts (
    data_account_id        TEXT    NOT NULL,
    checkpoint_layout_id   BIGINT  NOT NULL,
    checkpoint_layout_name TEXT    NOT NULL,
    checkpoint_layout_code TEXT,
    venue_code             TEXT    NOT NULL,
    allow_reentry          BOOLEAN NOT NULL,
    default_checkpoint_id  BIGINT,
    -- the layout as imported (LayoutRecord without recordId): what the catalog topic and the admin GET carry
    document               TEXT    NOT NULL,
    content_hash           TEXT    NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (data_account_id, checkpoint_layout_id),
    FOREIGN KEY (data_account_id, venue_code) REFERENCES venues (data_account_id, venue_code)
);

CREATE TABLE checkpoints (
    data_account_id      TEXT   NOT NULL,
    checkpoint_layout_id BIGINT NOT NULL,
    checkpoint_id        BIGINT NOT NULL,
    checkpoint_name      TEXT   NOT NULL,
    PRIMARY KEY (data_account_id, checkpoint_layout_id, checkpoint_id),
    FOREIGN KEY (data_account_id, checkpoint_layout_id) REFERENCES layouts ON DELETE CASCADE
);

CREATE TABLE special_areas (
    data_account_id      TEXT    NOT NULL,
    checkpoint_layout_id BIGINT  NOT NULL,
    special_area_id      BIGINT  NOT NULL,
    special_area_name    TEXT    NOT NULL,
    max_entry_per_ticket INTEGER CHECK (max_entry_per_ticket IS NULL OR max_entry_per_ticket >= 0),
    max_capacity         INTEGER CHECK (max_capacity IS NULL OR max_capacity >= 0),
    require_entry_exit   BOOLEAN NOT NULL,
    entitlement_required BOOLEAN NOT NULL,
    PRIMARY KEY (data_account_id, checkpoint_layout_id, special_area_id),
    FOREIGN KEY (data_account_id, checkpoint_layout_id) REFERENCES layouts ON DELETE CASCADE
);

CREATE TABLE device_assignments (
    data_account_id      TEXT   NOT NULL,
    checkpoint_layout_id BIGINT NOT NULL,
    serial_number        TEXT   NOT NULL,
    device_name          TEXT,
    checkpoint_id        BIGINT,
    PRIMARY KEY (data_account_id, checkpoint_layout_id, serial_number),
    FOREIGN KEY (data_account_id, checkpoint_layout_id) REFERENCES layouts ON DELETE CASCADE
);

CREATE TABLE events (
    event_id             TEXT      PRIMARY KEY,
    data_account_id      TEXT      NOT NULL,
    season_cd            TEXT      NOT NULL,
    event_cd             TEXT      NOT NULL,
    event_name           TEXT      NOT NULL,
    venue_code           TEXT      NOT NULL,
    -- venue-local wall-clock times; the venue's zone turns them into instants (CONTRACT §4 "Time")
    event_start          TIMESTAMP NOT NULL,
    event_end            TIMESTAMP,
    doors_open           TIMESTAMP,
    barcode_masks        TEXT      NOT NULL, -- JSON array of mask strings
    test                 BOOLEAN   NOT NULL,
    content_hash         TEXT      NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (data_account_id, venue_code) REFERENCES venues (data_account_id, venue_code),
    CHECK (event_id = data_account_id || ':' || season_cd || ':' || event_cd)
);
CREATE INDEX events_by_venue ON events (data_account_id, venue_code, event_start);

-- NFC wallet keys: the private key only as AES-GCM ciphertext (iv || ciphertext+tag), never in clear
CREATE TABLE nfc_keys (
    data_account_id      TEXT    NOT NULL,
    wallet               TEXT    NOT NULL CHECK (wallet IN ('apple', 'google')),
    key_ref              TEXT    NOT NULL, -- apple: keyId, google: collectorId:keyVersion
    pass_type_identifier TEXT,
    key_id               TEXT,
    collector_id         TEXT,
    key_version          INTEGER,
    private_key_sealed   BYTEA   NOT NULL,
    content_hash         TEXT    NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (data_account_id, wallet, key_ref)
);

-- every Get Events response that carried NFC private keys (CONTRACT §4)
CREATE TABLE nfc_key_disclosures (
    id              BIGSERIAL   PRIMARY KEY,
    data_account_id TEXT        NOT NULL,
    serial_number   TEXT,
    device_id       BIGINT,
    request_id      TEXT,
    key_count       INTEGER     NOT NULL,
    disclosed_at    TIMESTAMPTZ NOT NULL
);

-- one row per accepted import: readiness ("catalog filled once") and an audit trail of imports
CREATE TABLE catalog_imports (
    id          BIGSERIAL   PRIMARY KEY,
    request_id  TEXT,
    venues      INTEGER     NOT NULL,
    layouts     INTEGER     NOT NULL,
    events      INTEGER     NOT NULL,
    nfc_keys    INTEGER     NOT NULL,
    published   INTEGER     NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- transactional outbox (STYLE: no dual writes)
CREATE TABLE outbox (
    id             BIGSERIAL   PRIMARY KEY,
    topic          TEXT        NOT NULL,
    record_key     TEXT,
    event_type     TEXT        NOT NULL,
    schema_version INTEGER     NOT NULL,
    request_id     TEXT,
    payload        TEXT,       -- null: a tombstone
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_until  TIMESTAMPTZ,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- ---------------------------------------------------------------- device fleet
CREATE TABLE fleet_devices (
    data_account_id         TEXT        NOT NULL,
    serial_number           TEXT        NOT NULL,
    device_id               BIGINT,
    device_name             TEXT,
    venue_code              TEXT,
    checkpoint_layout_id    BIGINT,
    checkpoint_id           BIGINT,
    checkpoint_name         TEXT,
    special_area_id         BIGINT,
    special_area_name       TEXT,
    declared_special_area_name           TEXT,
    declared_max_entry_per_ticket        INTEGER,
    declared_max_capacity                INTEGER,
    declared_require_entry_exit          BOOLEAN,
    make                    TEXT,
    model                   TEXT,
    firmware_version        TEXT,
    software_version        TEXT,
    software_mode           TEXT,
    accessory_serial_number TEXT,
    accessory_firmware      TEXT,
    session_issued_at       TIMESTAMPTZ,
    revoked_at              TIMESTAMPTZ,
    -- telemetry: the latest seen (by the time it was observed, whatever order records arrive in)
    last_seen_at            TIMESTAMPTZ,
    last_seen_source        TEXT,
    battery_percentage      NUMERIC(5, 2),
    accessory_battery_percentage NUMERIC(5, 2),
    geo_location            TEXT,
    network_type            TEXT,
    network_signal          TEXT,
    test_mode               BOOLEAN,
    PRIMARY KEY (data_account_id, serial_number)
);
CREATE INDEX fleet_by_venue ON fleet_devices (data_account_id, venue_code);

CREATE TABLE pings (
    id                           BIGSERIAL   PRIMARY KEY,
    data_account_id              TEXT        NOT NULL,
    serial_number                TEXT        NOT NULL,
    device_id                    BIGINT,
    venue_code                   TEXT,
    received_at                  TIMESTAMPTZ NOT NULL,
    request_id                   TEXT,
    geo_location                 TEXT,
    battery_percentage           NUMERIC(5, 2),
    accessory_battery_percentage NUMERIC(5, 2),
    test_mode                    BOOLEAN     NOT NULL,
    telemetry                    TEXT        -- DeviceTelemetry as JSON
);

-- idempotent consumers: a record applied once is dropped on redelivery, in the same transaction
CREATE TABLE processed_records (
    record_id    TEXT        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------- shared security read models (service-runtime)
-- API keys of entry.api-clients.v1 (ApiKeyGuard / ApiClientProjection)
CREATE TABLE api_clients (
    key_hash         TEXT PRIMARY KEY,
    partner_id       TEXT NOT NULL,
    data_account_ids TEXT[] NOT NULL,
    revoked          BOOLEAN NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    last_record_id   TEXT
);
-- device revocations of entry.device-sessions.v1 (RevokedDeviceCheck / DeviceRevocations)
CREATE TABLE revoked_devices (
    data_account_id TEXT NOT NULL,
    serial_number   TEXT NOT NULL,
    device_id       BIGINT,
    revoked_at      TIMESTAMPTZ NOT NULL,
    last_record_id  TEXT,
    PRIMARY KEY (data_account_id, serial_number)
);
