-- SLA policies per organization and priority (decision 0012). Only overrides are stored: a priority without a row
-- follows PRODUCT.md's default (ServiceLevelPolicy.DEFAULT). A target is a clock with minutes or clinic days.
create table sla_policies (
    organization_id   uuid        not null,
    priority          varchar(2)  not null,
    first_clock       varchar(20) not null,
    first_minutes     integer     not null,
    first_days        integer     not null,
    resolution_clock  varchar(20) not null,
    resolution_minutes integer    not null,
    resolution_days   integer     not null,
    tier_clock        varchar(20) not null,
    tier_minutes      integer     not null,
    tier_days         integer     not null,
    on_breach         varchar(20) not null,
    updated_at        timestamp with time zone not null,
    primary key (organization_id, priority)
);

-- The internal target of the tier holding a ticket, counted from when that tier received it. One row per ticket:
-- an escalation starts the new tier's clock, so an escalated ticket never arrives already breached.
create table sla_tier_clocks (
    ticket_id   uuid                     primary key,
    tier        smallint                 not null,
    received_at timestamp with time zone not null,
    due_at      timestamp with time zone not null
);
