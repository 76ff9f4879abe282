-- Major incidents, owned by the incidents module (tickets know nothing of them; docs/decisions/0010).

create sequence incident_number_seq start with 1;

create table incidents (
    id              uuid                     not null primary key,
    number          bigint                   not null unique,
    organization_id uuid                     not null,          -- where it was detected or declared
    site_id         uuid,                                       -- null: the whole organization
    category        varchar(40)              not null,
    tier            smallint                 not null,
    priority        varchar(2)               not null,
    title           varchar(300)             not null,
    status          varchar(20)              not null,          -- OPEN, RESOLVED
    owner_id        uuid,                                       -- null: the tier queue
    opened_by       uuid,                                       -- null: the desk
    opened_at       timestamp with time zone not null,
    resolved_at     timestamp with time zone,
    resolved_by     uuid,
    resolution      varchar(20000),
    version         integer                  not null
);
create index incidents_open_kind_idx on incidents (organization_id, category, status);
create index incidents_opened_idx on incidents (opened_at);

-- A ticket belongs to one incident at most: the primary key also stops two instances (or two listeners) from
-- opening two incidents for the same burst; the loser's transaction rolls back and it links to the winner's.
create table incident_tickets (
    ticket_id       uuid                     not null primary key,
    incident_id     uuid                     not null references incidents (id),
    organization_id uuid                     not null,
    site_id         uuid,
    requester_id    uuid                     not null,
    arrived_at      timestamp with time zone not null,          -- the ticket's creation: a match within the window of the latest joins
    linked_at       timestamp with time zone not null,
    linked_by       uuid,                                       -- null: the desk
    reason          varchar(500)             not null
);
create index incident_tickets_incident_idx on incident_tickets (incident_id, arrived_at);
create index incident_tickets_org_idx on incident_tickets (organization_id, incident_id);
