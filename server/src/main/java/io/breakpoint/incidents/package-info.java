/**
 * Major incidents: a burst of tickets of one kind from one site or organization opens an incident that links them,
 * has one owner at the triaged tier, answers every requester at once and resolves all its tickets with one message.
 * Acts on tickets through their API (IncidentTickets, TicketDesk) and keeps its own state in its own tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "audit", "tickets"})
package io.breakpoint.incidents;
