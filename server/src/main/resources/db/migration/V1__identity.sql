-- Tenancy and people. One MSP row per installation today; client organizations hang below it.
create table organizations (
    id           uuid primary key,
    kind         varchar(10)  not null,           -- MSP or CLIENT
    msp_id       uuid references organizations (id),
    name         varchar(200) not null,
    co_managed   boolean      not null default false,
    created_at   timestamp with time zone not null
);
create unique index organizations_name_uq on organizations (name);

create table sites (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    name            varchar(200) not null,
    time_zone       varchar(64)  not null,
    created_at      timestamp with time zone not null
);
create unique index sites_org_name_uq on sites (organization_id, name);

-- Clinic hours per weekday (1 = Monday ... 7 = Sunday); a missing day is closed.
create table site_hours (
    site_id     uuid     not null references sites (id),
    day_of_week smallint not null,
    opens_at    time     not null,
    closes_at   time     not null,
    primary key (site_id, day_of_week)
);

create table site_holidays (
    site_id uuid         not null references sites (id),
    holiday date         not null,
    name    varchar(200) not null,
    primary key (site_id, holiday)
);

create table users (
    id              uuid primary key,
    organization_id uuid         not null references organizations (id),
    email           varchar(254) not null,
    display_name    varchar(200) not null,
    role            varchar(20)  not null,
    tier            smallint,
    site_id         uuid references sites (id),
    password_hash   varchar(200) not null,
    enabled         boolean      not null default true,
    created_at      timestamp with time zone not null
);
create unique index users_email_uq on users (email);

-- The client organizations an MSP engineer or vCIO works for.
create table user_served_organizations (
    user_id         uuid not null references users (id),
    organization_id uuid not null references organizations (id),
    primary key (user_id, organization_id)
);

-- Bearer tokens are stored only as SHA-256 hashes: a leaked table cannot be replayed.
create table api_tokens (
    token_hash varchar(64) primary key,
    user_id    uuid not null references users (id),
    issued_at  timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);
create index api_tokens_user_idx on api_tokens (user_id);
