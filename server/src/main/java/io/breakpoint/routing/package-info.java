/**
 * Routing: gives each triaged ticket to the least-loaded qualified engineer on shift for its tier and organization
 * (a co-managed organization's own IT first for the categories it chose), or leaves it in the tier queue and gives
 * it out when someone frees up. Reads people from identity and acts on tickets through their routing API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets"})
package io.breakpoint.routing;
