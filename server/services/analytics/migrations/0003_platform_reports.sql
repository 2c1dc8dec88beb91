-- Platform reports (issue 17): the admins' sales, registrations, check-ins and support, any range,
-- summed from the same per-minute rows the dashboards read, plus what only the platform sees.

-- The publication fee an organizer paid for an event (publication_fee.charged), per minute.
ALTER TABLE analytics.minute_totals DROP CONSTRAINT minute_totals_metric_check;
ALTER TABLE analytics.minute_totals ADD CONSTRAINT minute_totals_metric_check
    CHECK (metric IN ('tickets_sold', 'revenue', 'admissions', 'exits', 'orders', 'gross', 'commission', 'refunds',
                      'publication_fees'));
-- Reports across events read by metric and minute.
CREATE INDEX minute_totals_by_metric ON analytics.minute_totals (metric, minute);

-- Whose each event is (event.published): the reports of one organizer.
CREATE TABLE analytics.event_organizers (
    event_id     uuid PRIMARY KEY,
    organizer_id uuid NOT NULL
);
CREATE INDEX event_organizers_by_organizer ON analytics.event_organizers (organizer_id);

-- Platform-wide counts per minute: accounts registered, support requests opened and resolved.
CREATE TABLE analytics.platform_minutes (
    metric text        NOT NULL CHECK (metric IN ('registrations', 'support_opened', 'support_resolved')),
    minute timestamptz NOT NULL,
    value  bigint      NOT NULL,
    PRIMARY KEY (metric, minute)
);

-- Each support request's first answer, for the median first response of the requests opened in
-- a period.
CREATE TABLE analytics.support_requests (
    request_id        uuid        PRIMARY KEY,
    opened_at         timestamptz NOT NULL,
    first_response_at timestamptz
);
CREATE INDEX support_requests_by_opening ON analytics.support_requests (opened_at);
