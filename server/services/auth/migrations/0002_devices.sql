-- Kiosks (architecture.md §6): an organizer makes a one-time enrollment code for an event and a
-- check-in list; a kiosk exchanges it for a device token scoped to them. Both are kept only as
-- SHA-256 hashes.
CREATE TABLE auth.device_enrollments (
    code_hash  text        PRIMARY KEY,
    event_id   uuid        NOT NULL,
    list_id    uuid        NOT NULL,
    name       text        NOT NULL,
    created_by uuid        NOT NULL REFERENCES auth.users (id),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    device_id  uuid
);

CREATE TABLE auth.devices (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id     uuid        NOT NULL,
    list_id      uuid        NOT NULL,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_by   uuid        NOT NULL REFERENCES auth.users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX devices_by_event ON auth.devices (event_id, created_at);
