-- A tier lead: the engineer an SLA breach escalates to when the organization's policy says so (decision 0012).
-- Lead of their own tier (users.tier); several leads of one tier are allowed, the breach goes to the one who
-- serves the ticket's organization.
alter table users add column tier_lead boolean not null default false;
