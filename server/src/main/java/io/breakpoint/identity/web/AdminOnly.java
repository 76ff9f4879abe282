package io.breakpoint.identity.web;

import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every admin page answers 403 to anyone but an MSP admin before it reads anything: Directory would happily
 * show an org admin their own organization, which is not what /admin is for. Administration's
 * {@code @PreAuthorize} still guards every change.
 */
@ControllerAdvice(assignableTypes = {OrganizationPages.class, SitePages.class, UserPages.class})
class AdminOnly {

    @ModelAttribute("nav")
    String requireMspAdmin() {
        if (!Actors.current().is(Role.MSP_ADMIN)) throw new AccessDeniedException("MSP admins only");
        return "admin";
    }
}
