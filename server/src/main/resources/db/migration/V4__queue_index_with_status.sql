-- The tier queue page asks for one tier, one organization, the open statuses and usually one priority, oldest
-- first. The V2 index (tier, organization_id, priority, created_at) left status to the table rows: with years of
-- closed history, the fullest queue at 1,000,000 tickets read ~48,000 closed rows to find 50 open ones
-- (258 ms; EXPLAIN in bench/RESULTS.md). With status in the key, the scan touches open rows only and sorts
-- those few. A partial index (where status in (...)) would be smaller still, but H2 does not accept one.
create index tickets_queue_open_idx on tickets (tier, organization_id, status, priority, created_at);
drop index tickets_queue_idx;
