-- PHI in tickets (docs/decisions/0019): each organization's policy, and which tickets hold PHI of which kinds.
-- Tickets and organizations are referred to by id only: those rows belong to the tickets and identity modules.
create table phi_policies (
    organization_id uuid primary key,
    policy          varchar(10) not null,
    changed_at      timestamp with time zone not null,
    changed_by      uuid
);

create table phi_ticket_flags (
    ticket_id       uuid primary key,
    organization_id uuid not null,
    kinds           varchar(300) not null,
    flagged_at      timestamp with time zone not null
);
