-- The installation's identity: one row, made on first start.
CREATE SCHEMA IF NOT EXISTS system;

CREATE TABLE system.installation (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    singleton   boolean     NOT NULL DEFAULT true UNIQUE CHECK (singleton)
);

INSERT INTO system.installation DEFAULT VALUES;
