package io.breakpoint.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An unknown API path (404) or a method a path does not take (405) fails before any controller is chosen, so
 * {@link ApiProblems}, which serves the REST controllers, never sees it and the client got Spring Boot's default
 * error JSON. This answers them as problems on /api/** and leaves every other path to the browser error page.
 */
@RestControllerAdvice
class ApiRouteProblems {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ProblemDetail> noRoute(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) throw e;
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail p;
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            p = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                    "This route does not take " + m.getMethod() + ".");
            p.setTitle("Method not allowed");
            if (m.getSupportedHttpMethods() != null) headers.setAllow(m.getSupportedHttpMethods());
        } else {
            p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such route in the API.");
            p.setTitle("Not found");
        }
        return ResponseEntity.status(p.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
