-- An event's team: people the organizer added by email, as co-organizers (the organizer's rights
-- on this event) or door staff (its check-in lists). The email and name are kept as they were
-- when the person was added, for the list; rights follow the user id.
CREATE TABLE events.team_members (
    event_id uuid NOT NULL REFERENCES events.events (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    role text NOT NULL CHECK (role IN ('co_organizer', 'door')),
    email text NOT NULL,
    name text NOT NULL DEFAULT '',
    added_by uuid NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, user_id)
);
-- "My events" of a co-organizer.
CREATE INDEX team_members_by_user ON events.team_members (user_id, event_id);
