/**
 * The few types every module shares: the failures a request can meet (not found, conflict, invalid) and
 * nothing else. Open so that any module may use it; it uses no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.breakpoint.common;
