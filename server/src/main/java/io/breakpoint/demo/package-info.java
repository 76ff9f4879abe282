/**
 * {@code --demo}: seeds Gateway Health IT, two client organizations with sites and people of every role, and
 * four weeks of ticket history and of workstation telemetry, through the other modules' APIs. Running it again changes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets", "telemetry", "diagnosis", "agent"})
package io.breakpoint.demo;
