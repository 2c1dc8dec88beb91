-- Events, their schedules and categories, and the events service's outbox.
CREATE SCHEMA IF NOT EXISTS events;

CREATE TABLE events.categories (
    id         bigserial   PRIMARY KEY,
    slug       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO events.categories (slug, name) VALUES
    ('concert', 'Concerts'), ('conference', 'Conferences'), ('meetup', 'Meetups'), ('workshop', 'Workshops'),
    ('theatre', 'Theatre'), ('exhibition', 'Exhibitions'), ('sport', 'Sport'), ('festival', 'Festivals'),
    ('other', 'Other');

CREATE TABLE events.events (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    organizer_id  uuid        NOT NULL,
    title         text        NOT NULL,
    description   text        NOT NULL DEFAULT '',
    venue         text        NOT NULL,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    timezone      text        NOT NULL,
    category_id   bigint      NOT NULL REFERENCES events.categories (id),
    cover_url     text,
    status        text        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled', 'completed')),
    cancel_reason text,
    version       integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    cancelled_at  timestamptz,
    reminder_sent_at timestamptz,
    CHECK (ends_at > starts_at)
);
CREATE INDEX events_public_listing ON events.events (starts_at, id) WHERE status = 'published';
CREATE INDEX events_by_organizer ON events.events (organizer_id, starts_at, id);
CREATE INDEX events_due_for_reminder ON events.events (starts_at) WHERE status = 'published' AND reminder_sent_at IS NULL;

-- The schedule: talks, sets, sessions inside an event, replaced as a whole by PUT.
CREATE TABLE events.schedule_items (
    event_id  uuid        NOT NULL REFERENCES events.events (id) ON DELETE CASCADE,
    position  integer     NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL,
    title     text        NOT NULL,
    speaker   text,
    room      text,
    PRIMARY KEY (event_id, position),
    CHECK (ends_at > starts_at)
);

CREATE TABLE events.outbox (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    sequence      bigserial   NOT NULL UNIQUE,
    aggregatetype text        NOT NULL,
    aggregateid   text        NOT NULL,
    type          text        NOT NULL,
    payload       jsonb       NOT NULL,
    trace_id      text,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON events.outbox (sequence) WHERE published_at IS NULL;
