-- The platform's settings (seed 004, admin): one row, changed by admins through
-- PUT /api/v1/admin/settings. `version` counts the changes, so a console that read version 7 and
-- saves after another admin's change is told instead of overwriting it; payments keeps only the
-- newest version it heard (platform.settings_changed).
CREATE SCHEMA IF NOT EXISTS admin;

CREATE TABLE admin.settings (
    id                             smallint    PRIMARY KEY CHECK (id = 1),
    version                        bigint      NOT NULL CHECK (version > 0),
    commission_basis_points        integer     NOT NULL CHECK (commission_basis_points BETWEEN 0 AND 10000),
    publication_fee                bigint      NOT NULL CHECK (publication_fee >= 0),
    publication_fee_currency       text        NOT NULL CHECK (publication_fee_currency ~ '^[A-Z]{3}$'),
    default_language               text        NOT NULL CHECK (default_language IN ('ru', 'en')),
    support_first_response_minutes integer     NOT NULL CHECK (support_first_response_minutes > 0),
    support_resolution_minutes     integer     NOT NULL CHECK (support_resolution_minutes > 0),
    updated_by                     uuid,
    updated_at                     timestamptz NOT NULL DEFAULT now()
);
