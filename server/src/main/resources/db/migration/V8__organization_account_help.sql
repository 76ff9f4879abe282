-- The self-service steps an organization gives its staff for account problems; quoted in the automatic
-- acknowledgement of ACCOUNT_ACCESS tickets.
alter table organizations add column account_help varchar(2000);
