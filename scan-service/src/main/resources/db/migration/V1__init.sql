-- scan-service schema. Each service owns its own database; no service reads another's tables (CONTRACT §8).

-- Which read models have been filled at least once: readiness (CONTRACT §2) survives a restart during a Kafka outage.
CREATE TABLE read_model_filled (
    name      TEXT PRIMARY KEY,
    filled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- ---- catalog read models (entry.catalog.*.v1). record_id makes a redelivered record a no-op.
CREATE TABLE venue (
    data_account_id      TEXT NOT NULL,
    venue_code           TEXT NOT NULL,
    venue_name           TEXT,
    time_zone            TEXT NOT NULL,
    checkpoint_layout_id BIGINT,
    record_id            TEXT,
    PRIMARY KEY (data_account_id, venue_code)
);

CREATE TABLE checkpoint_layout (
    data_account_id       TEXT NOT NULL,
    checkpoint_layout_id  BIGINT NOT NULL,
    venue_code            TEXT,
    allow_reentry         BOOLEAN NOT NULL DEFAULT false,
    default_checkpoint_id BIGINT,
    record_id             TEXT,
    PRIMARY KEY (data_account_id, checkpoint_layout_id)
);

CREATE TABLE checkpoint (
    data_account_id      TEXT NOT NULL,
    checkpoint_id        BIGINT NOT NULL,
    checkpoint_layout_id BIGINT NOT NULL,
    checkpoint_name      TEXT,
    PRIMARY KEY (data_account_id, checkpoint_id)
);

CREATE TABLE special_area (
    data_account_id      TEXT NOT NULL,
    special_area_id      BIGINT NOT NULL,
    checkpoint_layout_id BIGINT NOT NULL,
    special_area_name    TEXT,
    max_entry_per_ticket INT,
    max_capacity         INT,
    require_entry_exit   BOOLEAN NOT NULL DEFAULT false,
    entitlement_required BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (data_account_id, special_area_id)
);

CREATE TABLE event (
    event_id        TEXT PRIMARY KEY,
    data_account_id TEXT NOT NULL,
    venue_code      TEXT NOT NULL,
    event_name      TEXT,
    start_local     TIMESTAMP NOT NULL,
    end_local       TIMESTAMP,
    doors_local     TIMESTAMP,
    barcode_masks   TEXT[] NOT NULL DEFAULT '{}',
    test            BOOLEAN NOT NULL DEFAULT false,
    record_id       TEXT
);
CREATE INDEX event_by_venue ON event (data_account_id, venue_code, start_local);

CREATE TABLE ticket (
    data_account_id   TEXT NOT NULL,
    token             TEXT NOT NULL,
    ticket            TEXT,
    event_id          TEXT NOT NULL,
    status            TEXT NOT NULL,
    reissued_token    TEXT,
    patron_id         TEXT,
    first_name        TEXT,
    last_name         TEXT,
    seat_info         JSONB,
    entitled_area_ids JSONB NOT NULL DEFAULT '[]',
    record_id         TEXT,
    PRIMARY KEY (data_account_id, token)
);
CREATE INDEX ticket_by_event ON ticket (event_id);

-- ---- scan state. area_id 0 is the venue itself; any other value a special area of the account.
CREATE TABLE ticket_area_state (
    data_account_id       TEXT NOT NULL,
    token                 TEXT NOT NULL,
    area_id               BIGINT NOT NULL,
    event_id              TEXT,
    entries               INT NOT NULL DEFAULT 0,
    inside                BOOLEAN NOT NULL DEFAULT false,
    last_entry_at         TIMESTAMPTZ,
    last_entry_checkpoint TEXT,
    last_scan_at          TIMESTAMPTZ,
    PRIMARY KEY (data_account_id, token, area_id),
    CHECK (entries >= 0)
);
CREATE INDEX ticket_area_state_by_event ON ticket_area_state (event_id);

-- Capacity of a special area as maxCapacity pre-created slots: an entry claims a free one with FOR UPDATE SKIP LOCKED,
-- an exit frees it. Concurrent entries claim different rows instead of queueing on one counter row.
CREATE TABLE area_capacity_slot (
    data_account_id TEXT NOT NULL,
    area_id         BIGINT NOT NULL,
    slot            INT NOT NULL,
    holder_token    TEXT,
    held_since      TIMESTAMPTZ,
    PRIMARY KEY (data_account_id, area_id, slot)
);
CREATE INDEX area_capacity_slot_free ON area_capacity_slot (data_account_id, area_id, slot) WHERE holder_token IS NULL;
-- a ticket holds at most one slot of an area
CREATE UNIQUE INDEX area_capacity_slot_holder ON area_capacity_slot (data_account_id, area_id, holder_token)
    WHERE holder_token IS NOT NULL;

CREATE TABLE scan_history (
    id                BIGSERIAL PRIMARY KEY,
    record_id         TEXT NOT NULL UNIQUE,
    source            TEXT NOT NULL,
    request_id        TEXT,
    data_account_id   TEXT NOT NULL,
    token             TEXT NOT NULL,
    event_id          TEXT,
    venue_code        TEXT,
    area_id           BIGINT NOT NULL,
    scan_mode         TEXT NOT NULL,
    input_type        TEXT,
    status            TEXT NOT NULL,
    reason_code       TEXT,
    reason_message    TEXT,
    test_mode         BOOLEAN NOT NULL DEFAULT false,
    scanned_at        TIMESTAMPTZ NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    time_zone         TEXT NOT NULL,
    device_id         BIGINT,
    device_name       TEXT,
    serial_number     TEXT,
    checkpoint_id     BIGINT,
    checkpoint_name   TEXT,
    special_area_id   BIGINT,
    special_area_name TEXT
);
CREATE INDEX scan_history_by_ticket ON scan_history (data_account_id, token, scanned_at DESC);
CREATE INDEX scan_history_by_event ON scan_history (event_id);

-- Retries of Validate Scan (CONTRACT §2): one row per (device, PAC-Request-Id) holding the first answer.
CREATE TABLE scan_request (
    device_key TEXT NOT NULL,
    request_id TEXT NOT NULL,
    body_hash  TEXT NOT NULL,
    event_id   TEXT,
    response   JSONB,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (device_key, request_id)
);

-- Transactional outbox: written with the scan, published by OutboxRelay.
CREATE TABLE outbox (
    id             BIGSERIAL PRIMARY KEY,
    topic          TEXT NOT NULL,
    record_key     TEXT,
    event_type     TEXT NOT NULL,
    schema_version INT NOT NULL,
    request_id     TEXT,
    payload        TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_until  TIMESTAMPTZ,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
