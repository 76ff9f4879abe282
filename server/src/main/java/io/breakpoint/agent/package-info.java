/**
 * The agent protocol (Maven module {@code agent-protocol}, package {@code io.breakpoint.agent.protocol}) as Spring
 * Modulith sees it from the server: a module of plain records that the modules serving agents may use. It is open
 * because its records live in a subpackage and the protocol jar must stay free of Modulith annotations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent protocol",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.breakpoint.agent;
