-- offline-ingest-service schema. Each service owns its own database; no service reads another's tables (CONTRACT §8).

-- One row per upload identity (eventId, Filename). The row is written BEFORE the object is put to S3, so a file
-- in S3 is never unknown to the replayer:
--   RECEIVED  row reserved, S3 put not confirmed (a crash here: the replayer checks S3 and finishes or forgets it)
--   STORED    object in S3, 200 answered; scans replayed up to replayed_count (acknowledged by Kafka)
--   REPLAYED  every accepted scan acknowledged by Kafka
-- claimed_by/claim_until: a lease taken with FOR UPDATE SKIP LOCKED so two instances never work on one upload.
CREATE TABLE uploads (
    id                BIGSERIAL PRIMARY KEY,
    event_id          TEXT        NOT NULL,
    filename          TEXT        NOT NULL,
    content_sha256    TEXT        NOT NULL,
    object_key        TEXT        NOT NULL,
    data_account_id   TEXT        NOT NULL,
    venue_code        TEXT,
    serial_number     TEXT        NOT NULL,
    request_id        TEXT        NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    item_count        INT         NOT NULL,
    accepted_count    INT         NOT NULL,
    rejected_json     TEXT        NOT NULL,
    -- the device's assignment at upload time: the default checkpoint/area of its scans (CONTRACT §6)
    device_id         BIGINT,
    device_name       TEXT,
    checkpoint_id     BIGINT,
    checkpoint_name   TEXT,
    special_area_id   BIGINT,
    special_area_name TEXT,
    state             TEXT        NOT NULL CHECK (state IN ('RECEIVED', 'STORED', 'REPLAYED')),
    replayed_count    INT         NOT NULL DEFAULT 0 CHECK (replayed_count >= 0),
    claimed_by        TEXT,
    claim_until       TIMESTAMPTZ,
    CONSTRAINT uploads_identity UNIQUE (event_id, filename)
);
CREATE INDEX uploads_unfinished ON uploads (id) WHERE state <> 'REPLAYED';

-- Read models of the topics this service consumes (CONTRACT §7).
-- api_clients: the shared guard's table (service-runtime ApiKeyGuard / ApiClientProjection, see its README)
CREATE TABLE api_clients (
    key_hash          TEXT PRIMARY KEY,
    partner_id        TEXT        NOT NULL,
    data_account_ids  TEXT[]      NOT NULL,
    revoked           BOOLEAN     NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    last_record_id    TEXT
);

-- revoked_devices: read by service-runtime's RevokedDeviceCheck, present wherever a token could be authenticated
CREATE TABLE revoked_devices (
    data_account_id   TEXT NOT NULL,
    serial_number     TEXT NOT NULL,
    device_id         BIGINT,
    revoked_at        TIMESTAMPTZ NOT NULL,
    last_record_id    TEXT,
    PRIMARY KEY (data_account_id, serial_number)
);

CREATE TABLE catalog_events (
    event_id          TEXT PRIMARY KEY,
    data_account_id   TEXT NOT NULL,
    season_cd         TEXT NOT NULL,
    event_cd          TEXT NOT NULL,
    venue_code        TEXT NOT NULL
);

CREATE TABLE catalog_venues (
    data_account_id   TEXT NOT NULL,
    venue_code        TEXT NOT NULL,
    time_zone         TEXT NOT NULL,
    PRIMARY KEY (data_account_id, venue_code)
);

CREATE TABLE devices (
    data_account_id   TEXT NOT NULL,
    serial_number     TEXT NOT NULL,
    device_id         BIGINT,
    device_name       TEXT,
    checkpoint_id     BIGINT,
    checkpoint_name   TEXT,
    special_area_id   BIGINT,
    special_area_name TEXT,
    issued_at         TIMESTAMPTZ,
    revoked_at        TIMESTAMPTZ,
    PRIMARY KEY (data_account_id, serial_number)
);

-- Idempotent consumers: a record applied once is dropped on redelivery, in the same transaction.
CREATE TABLE processed_records (
    record_id         TEXT PRIMARY KEY,
    processed_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A read model caught up with its topic at least once; persisted, so a restart during a Kafka outage is ready.
CREATE TABLE read_model_state (
    name              TEXT PRIMARY KEY,
    filled_at         TIMESTAMPTZ NOT NULL
);
