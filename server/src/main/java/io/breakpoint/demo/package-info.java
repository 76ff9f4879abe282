/**
 * {@code --demo}: seeds Gateway Health IT, two client organizations with sites and people of every role, and
 * four weeks of ticket history, through the other modules' APIs. Running it again changes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "tickets", "compliance"})
package io.breakpoint.demo;
