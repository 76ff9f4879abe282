/**
 * Tenants, places and people: the MSP, its client organizations and their sites (time zone, clinic hours,
 * holidays), users and their roles, engineers' tiers and served organizations, and sign-in (web session and
 * bearer tokens). Everything else asks this module who the caller is and what the caller may see.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package io.breakpoint.identity;
