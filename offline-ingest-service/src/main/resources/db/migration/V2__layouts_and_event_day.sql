-- Layout read model (entry.catalog.layouts.v1): which checkpoints and special areas a venue has, so an offline item
-- naming one the device's venue does not know is rejected. One row per layout; ids as arrays (a layout is replaced whole).
CREATE TABLE catalog_layouts (
    data_account_id      TEXT     NOT NULL,
    checkpoint_layout_id BIGINT   NOT NULL,
    venue_code           TEXT     NOT NULL,
    checkpoint_ids       BIGINT[] NOT NULL,
    special_area_ids     BIGINT[] NOT NULL,
    PRIMARY KEY (data_account_id, checkpoint_layout_id)
);
CREATE INDEX catalog_layouts_venue ON catalog_layouts (data_account_id, venue_code);

-- The event's venue-local start: offline scans dated before its day minus one day are rejected. NULL for events
-- received before this column existed (only the future bound applies to them until the event is republished).
ALTER TABLE catalog_events ADD COLUMN event_start TIMESTAMP;
