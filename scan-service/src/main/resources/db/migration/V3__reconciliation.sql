-- Reconciliation of offline scans (CONTRACT §6): the conflict a scan was judged to be. Scans with DOUBLE_ENTRY or
-- MAX_ENTRIES_EXCEEDED did not count as entries, so later judgments skip them.
ALTER TABLE scan_history ADD COLUMN conflict_code TEXT;
CREATE INDEX scan_history_by_ticket_area ON scan_history (data_account_id, token, area_id, scanned_at);
