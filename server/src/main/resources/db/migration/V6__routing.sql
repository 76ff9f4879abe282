-- Routing profiles (identity owns people): what an engineer works, when, and how much at once.
-- One time zone per person for the shift calendar; capacity is the most open tickets assigned at once.
alter table users add column time_zone varchar(64) not null default 'America/Chicago';
alter table users add column capacity integer not null default 10;

-- Skills are ticket categories, stored by name (identity does not depend on tickets).
create table user_skills (
    user_id  uuid        not null references users (id),
    category varchar(40) not null,
    primary key (user_id, category)
);

-- The weekly shift calendar (1 = Monday ... 7 = Sunday). A shift whose end is not after its start runs past
-- midnight into the next day (00:00-00:00 is the whole day). A missing day is off.
create table user_shifts (
    user_id     uuid     not null references users (id),
    day_of_week smallint not null,
    starts_at   time     not null,
    ends_at     time     not null,
    primary key (user_id, day_of_week)
);

-- Co-managed organizations: categories routed to the organization's own INTERNAL_IT staff before the MSP tiers.
create table organization_internal_first (
    organization_id uuid        not null references organizations (id),
    category        varchar(40) not null,
    primary key (organization_id, category)
);

-- Routing counts each candidate's open assigned tickets; without this index that is a scan of all tickets.
create index tickets_assignee_status_idx on tickets (assignee_id, status);
