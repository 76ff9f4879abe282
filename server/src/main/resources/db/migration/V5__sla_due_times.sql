-- Due times promised by the SLA policy when the ticket was triaged (or its priority corrected).
alter table tickets add column first_response_due_at timestamp with time zone;
alter table tickets add column resolution_due_at timestamp with time zone;
