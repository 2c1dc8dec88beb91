-- The door: check-in lists (gates) and every scan, kept for good.

CREATE TABLE tickets.checkin_lists (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id        uuid        NOT NULL,
    name            text        NOT NULL,
    ticket_type_ids uuid[]      NOT NULL DEFAULT '{}', -- empty: every type of the event
    multi_entry     boolean     NOT NULL DEFAULT false,
    exits_allowed   boolean     NOT NULL DEFAULT false,
    valid_from      timestamptz,
    valid_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from)
);
CREATE INDEX checkin_lists_by_event ON tickets.checkin_lists (event_id, created_at);

-- Every scan, admitted or refused, with the device's clock and ours. scan_id is the client's
-- nonce: a replayed scan finds its first answer here.
CREATE TABLE tickets.scans (
    id           bigserial   PRIMARY KEY,
    scan_id      text        NOT NULL UNIQUE,
    event_id     uuid        NOT NULL,
    list_id      uuid        NOT NULL REFERENCES tickets.checkin_lists (id),
    ticket_id    uuid,                 -- null when the code named no ticket of ours
    code         text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('entry', 'exit')),
    result       text        NOT NULL,
    device_id    uuid,
    user_id      uuid,
    scanned_at   timestamptz NOT NULL, -- the device's clock
    received_at  timestamptz NOT NULL DEFAULT now(),
    annulled_at  timestamptz,
    annulled_by  uuid,
    change_seq   bigint      NOT NULL DEFAULT nextval('tickets.change_sequence')
);
-- Admissions of a ticket, for "already redeemed" and "inside now".
CREATE INDEX scans_admitted_by_ticket ON tickets.scans (ticket_id, received_at) WHERE result = 'ok' AND annulled_at IS NULL;
CREATE INDEX scans_by_event_changes ON tickets.scans (event_id, change_seq);
CREATE INDEX scans_by_list ON tickets.scans (list_id, received_at);

-- Two admissions of one ticket that should have been one (offline devices, or two gates within
-- moments): recorded, pushed to the organizer, never dropped.
CREATE TABLE tickets.checkin_conflicts (
    id             bigserial   PRIMARY KEY,
    event_id       uuid        NOT NULL,
    ticket_id      uuid        NOT NULL,
    first_scan_id  text        NOT NULL,
    second_scan_id text        NOT NULL,
    detected_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX checkin_conflicts_by_event ON tickets.checkin_conflicts (event_id, detected_at);
