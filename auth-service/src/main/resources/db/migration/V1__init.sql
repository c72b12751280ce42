-- auth-service schema. Each service owns its own database; no service reads another's tables (CONTRACT §8).
CREATE TABLE IF NOT EXISTS service_info (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
