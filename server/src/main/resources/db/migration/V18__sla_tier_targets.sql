-- An internal target per tier and priority (decision 0025). The existing tier_* columns become Tier 1's; Tier 2 and
-- Tier 3 start with the same target, so a policy an admin already changed keeps its behaviour until changed again.
alter table sla_policies add column tier2_clock varchar(20);
alter table sla_policies add column tier2_minutes integer;
alter table sla_policies add column tier2_days integer;
alter table sla_policies add column tier3_clock varchar(20);
alter table sla_policies add column tier3_minutes integer;
alter table sla_policies add column tier3_days integer;
update sla_policies set tier2_clock = tier_clock, tier2_minutes = tier_minutes, tier2_days = tier_days,
                        tier3_clock = tier_clock, tier3_minutes = tier_minutes, tier3_days = tier_days;
alter table sla_policies alter column tier2_clock set not null;
alter table sla_policies alter column tier2_minutes set not null;
alter table sla_policies alter column tier2_days set not null;
alter table sla_policies alter column tier3_clock set not null;
alter table sla_policies alter column tier3_minutes set not null;
alter table sla_policies alter column tier3_days set not null;
