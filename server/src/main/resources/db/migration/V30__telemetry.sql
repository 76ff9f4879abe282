-- The telemetry module: enrollment codes, the device registry, network segments, site probe settings, and the
-- measurements the workstation agents send (docs/decisions/0013). Sites and organizations are referred to by id
-- only (they belong to the identity module), so there are no foreign keys to them.

-- A code an admin hands to whoever installs the agent at a site. Only a SHA-256 hash is kept; the code is
-- shown once. It enrolls up to max_uses devices before it expires or is revoked.
create table enrollment_codes (
    id              uuid primary key,
    site_id         uuid                     not null,
    organization_id uuid                     not null,
    code_hash       varchar(64)              not null,
    label           varchar(200),
    max_uses        integer                  not null,
    uses            integer                  not null default 0,
    created_by      uuid                     not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone
);
create unique index enrollment_codes_hash_uq on enrollment_codes (code_hash);
create index enrollment_codes_site_idx on enrollment_codes (site_id, created_at);

-- Network segments of a site; cidrs and probe_addresses are newline-separated lists.
create table network_segments (
    id              uuid primary key,
    site_id         uuid                     not null,
    organization_id uuid                     not null,
    name            varchar(100)             not null,
    purpose         varchar(20)              not null,
    cidrs           varchar(4000)            not null,
    probe_addresses varchar(4000)            not null default '',
    created_at      timestamp with time zone not null
);
create unique index network_segments_site_name_uq on network_segments (site_id, name);

-- What the agents of a site measure. version changes on every edit, so agents see that it changed.
-- guest_addresses null: the probe addresses of the site's GUEST segments.
create table site_probe_configs (
    site_id                  uuid primary key,
    organization_id          uuid                     not null,
    version                  bigint                   not null,
    sample_every_seconds     integer                  not null,
    throughput_every_seconds integer                  not null,
    config_refresh_seconds   integer                  not null,
    edge_host                varchar(255),
    reference_host           varchar(255),
    emr_endpoints            varchar(4000)            not null default '',
    emr_transaction          varchar(4000)            not null default '',
    guest_addresses          varchar(4000),
    throughput_url           varchar(500),
    updated_at               timestamp with time zone not null
);

-- The device registry. The secret is kept as a SHA-256 hash; facts is the latest DeviceFacts as JSON, with the
-- fields other modules filter on copied into columns.
create table devices (
    id              uuid primary key,
    site_id         uuid                     not null,
    organization_id uuid                     not null,
    secret_hash     varchar(64)              not null,
    hostname        varchar(255)             not null,
    agent_version   varchar(50),
    local_address   varchar(64),
    segment_id      uuid,
    facts           text,
    os_name         varchar(100),
    os_version      varchar(100),
    disk_encrypted  boolean,
    clock_skew_ms   bigint,
    enrolled_with   uuid,
    first_seen_at   timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    retired         boolean                  not null default false
);
create index devices_site_idx on devices (site_id, hostname);
create index devices_org_idx on devices (organization_id);

-- One row per sample (one round of measurements): its id makes resending safe, and it carries the device's
-- state at that moment. taken_at is corrected for the agent's clock skew when that was large.
create table telemetry_samples (
    id              uuid primary key,
    device_id       uuid                     not null,
    site_id         uuid                     not null,
    segment_id      uuid,
    taken_at        timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    cpu_load        double precision,
    memory_load     double precision,
    disk_used       double precision,
    throughput_mbps double precision,
    guest_checked   integer,
    guest_reachable integer,
    burst           boolean                  not null
);
create index telemetry_samples_device_idx on telemetry_samples (device_id, taken_at);
create index telemetry_samples_site_idx on telemetry_samples (site_id, taken_at);
create index telemetry_samples_received_idx on telemetry_samples (received_at);

-- One row per sample and probe (a hop measurement): what the ingestion benchmark counts.
create table probe_measurements (
    sample_id     uuid                     not null,
    seq           smallint                 not null,
    device_id     uuid                     not null,
    site_id       uuid                     not null,
    segment_id    uuid,
    taken_at      timestamp with time zone not null,
    hop           varchar(20)              not null,
    target        varchar(500)             not null,
    dns_ms        double precision,
    connect_ms    double precision,
    tls_ms        double precision,
    first_byte_ms double precision,
    total_ms      double precision,
    attempts      integer                  not null,
    failures      integer                  not null,
    jitter_ms     double precision,
    error         varchar(100),
    primary key (sample_id, seq)
);
create index probe_measurements_device_idx on probe_measurements (device_id, taken_at);
create index probe_measurements_site_idx on probe_measurements (site_id, taken_at);

-- Hourly rollups per device, hop, target and hour (UTC), rebuilt whole for each hour that received samples.
-- latency = total_ms where the probe has one, else connect_ms (see decision 0013).
create table probe_rollups_hourly (
    device_id          uuid                     not null,
    hop                varchar(20)              not null,
    target             varchar(500)             not null,
    hour_start         timestamp with time zone not null,
    site_id            uuid                     not null,
    segment_id         uuid,
    samples            integer                  not null,
    latency_count      integer                  not null,
    latency_mean_ms    double precision,
    latency_p50_ms     double precision,
    latency_p95_ms     double precision,
    latency_min_ms     double precision,
    latency_max_ms     double precision,
    first_byte_mean_ms double precision,
    attempts           integer                  not null,
    failures           integer                  not null,
    jitter_mean_ms     double precision,
    cpu_mean           double precision,
    cpu_max            double precision,
    memory_mean        double precision,
    memory_max         double precision,
    primary key (device_id, hop, target, hour_start)
);
create index probe_rollups_site_idx on probe_rollups_hourly (site_id, hour_start);
create index probe_rollups_segment_idx on probe_rollups_hourly (segment_id, hour_start);
create index probe_rollups_hour_idx on probe_rollups_hourly (hour_start);

-- How far the rollup job has read telemetry_samples.received_at.
create table telemetry_rollup_progress (
    name       varchar(40) primary key,
    rolled_to  timestamp with time zone not null
);
