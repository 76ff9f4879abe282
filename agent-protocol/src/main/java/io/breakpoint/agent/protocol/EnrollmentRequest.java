package io.breakpoint.agent.protocol;

/** A workstation asks to join a site with the enrollment code an admin created for that site. */
public record EnrollmentRequest(String code, String hostname, String agentVersion, DeviceFacts facts) {}
