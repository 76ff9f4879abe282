-- The diagnosis module: one row per one-click slowness report, linking the reporting device to the ticket it
-- opened and keeping the diagnosis as it was when the report came in (the measurements behind it age out of the
-- raw telemetry after two weeks). Devices, sites and tickets belong to other modules: referred to by id only.
create table slowness_reports (
    id              uuid primary key,
    device_id       uuid                     not null,
    site_id         uuid                     not null,
    organization_id uuid                     not null,
    ticket_id       uuid                     not null,
    requester_id    uuid                     not null,
    note            varchar(2000),
    reported_at     timestamp with time zone not null,
    breakpoint      varchar(20)              not null,
    confidence      double precision         not null,
    headline        varchar(1000)            not null,
    summary         varchar(1000)            not null
);
create index slowness_reports_ticket_idx on slowness_reports (ticket_id);
create index slowness_reports_device_idx on slowness_reports (device_id, reported_at);
create index slowness_reports_site_idx on slowness_reports (site_id, reported_at);
