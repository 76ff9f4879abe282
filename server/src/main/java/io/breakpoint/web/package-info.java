/**
 * The shell: layout, home and navigation, the login page, and how errors look (problem details on the API,
 * a plain page in the browser). Uses the other modules' APIs only to decide where home is.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity"})
package io.breakpoint.web;
