-- SLA clock state, owned by the sla module (tickets keep only the due times).

-- A clock that is paused now: since when, and in which waiting state. One row per ticket and clock.
create table sla_pauses (
    ticket_id    uuid                     not null,
    clock        varchar(20)              not null,
    paused_since timestamp with time zone not null,
    status       varchar(30)              not null,
    primary key (ticket_id, clock)
);

-- Warnings and breaches. The primary key makes each fire once per ticket and kind, whichever instance
-- records it first; the others' inserts fail and roll back their escalation with it.
create table sla_events (
    ticket_id       uuid                     not null,
    kind            varchar(30)              not null,
    organization_id uuid                     not null,
    priority        varchar(2)               not null,
    due_at          timestamp with time zone not null,
    recorded_at     timestamp with time zone not null,
    escalated       boolean                  not null,
    primary key (ticket_id, kind)
);
create index sla_events_org_recorded_idx on sla_events (organization_id, recorded_at);

-- ShedLock's table: one sweep at a time across instances (a saving of work, not what makes timers fire once).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);
