package io.breakpoint.web;

import io.breakpoint.common.ConflictException;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.common.TooManyRequestsException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * For the pages: puts the signed-in actor in every model (the layout's navigation needs it) and turns
 * failures into the error page, or, for an htmx request, into a status with a message header that the page
 * shows next to the form.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ShellAdvice {

    private static final Logger log = LoggerFactory.getLogger(ShellAdvice.class);

    @ModelAttribute("me")
    Actor me() {
        return Actors.currentIfAny().orElse(null);
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest r) {
        return fail(HttpStatus.NOT_FOUND, "Not found: it does not exist or is not yours to see.", r);
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest r) {
        return fail(HttpStatus.CONFLICT, e.getMessage(), r);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    Object tooMany(TooManyRequestsException e, HttpServletRequest r, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        return fail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), r);
    }

    /** As on the API (ApiProblems): text PostgreSQL cannot store (NUL) is the sender's mistake, not a server error. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    Object unstorable(org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest r) {
        if (!(e.getMostSpecificCause() instanceof java.sql.SQLException sql) || !"22021".equals(sql.getSQLState())) throw e;
        return fail(HttpStatus.BAD_REQUEST, "The text contains a character that cannot be stored (NUL, U+0000). Remove it and try again.", r);
    }

    @ExceptionHandler(InvalidRequestException.class)
    Object invalid(InvalidRequestException e, HttpServletRequest r) {
        return fail(HttpStatus.BAD_REQUEST, e.getMessage(), r);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest r) {
        return fail(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' has a value the desk cannot use.", r);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    Object forbidden(RuntimeException e, HttpServletRequest r) {
        return fail(HttpStatus.FORBIDDEN, e instanceof ForbiddenException ? e.getMessage() : "Your role does not allow this.", r);
    }

    private static Object fail(HttpStatus status, String message, HttpServletRequest r) {
        if (r.getHeader("HX-Request") != null) {
            return ResponseEntity.status(status)
                    .header("X-Error-Message", URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20"))
                    .build();
        }
        log.debug("Page error {}: {}", status, message);
        ModelAndView mv = new ModelAndView("error", status);
        mv.addObject("status", status.value());
        mv.addObject("message", message);
        mv.addObject("me", Actors.currentIfAny().orElse(null));
        return mv;
    }
}
