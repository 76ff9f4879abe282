/**
 * {@code --demo}: seeds Gateway Health IT, two client organizations with sites and people of every role, four weeks
 * of ticket history and of workstation telemetry, and an open major incident at Chesterfield Clinic, through the other
 * modules' APIs. Running it again changes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets", "compliance", "incidents",
        "telemetry", "diagnosis", "agent"})
package io.breakpoint.demo;
