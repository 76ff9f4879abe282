package io.breakpoint.web;

import io.breakpoint.common.ConflictException;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.common.TooManyRequestsException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.*;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.sql.SQLException;
import java.util.*;

/**
 * Every API error is an RFC 9457 problem: a title, a plain-language detail, and for bad input an
 * {@code errors} list naming each field. Nothing internal (class names, SQL, stack traces) leaks out.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail p = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage());
        p.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ProblemDetail unauthenticated(AuthenticationCredentialsNotFoundException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in first.");
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String detail = "'" + e.getName() + "' cannot be \"" + abbreviate(String.valueOf(e.getValue())) + "\"" + allowed(e.getRequiredType()) + ".";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", detail)));
        return p;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage())).toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some values are not valid.");
        p.setProperty("errors", errors);
        return p;
    }

    /**
     * PostgreSQL refuses text it cannot store (NUL, SQLState 22021) where H2 accepts it; input that reaches the
     * database unchecked (a reason, a name, an email) is then the caller's mistake, not a server error.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail unstorable(DataIntegrityViolationException e) {
        if (!(e.getMostSpecificCause() instanceof SQLException sql) || !"22021".equals(sql.getSQLState())) return unexpected(e);
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The text contains a character that cannot be stored (NUL, U+0000).");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The desk could not complete this request. Nothing was changed; try again, and tell your MSP if it persists.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError f : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", f.getField(), "message", Objects.requireNonNullElse(f.getDefaultMessage(), "is not valid")));
        }
        // Validation finds the errors in no fixed order; the same request should get the same answer.
        errors.sort(Comparator.comparing((Map<String, String> e) -> e.get("field")).thenComparing(e -> e.get("message")));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message") : "Some fields are not valid.");
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", Objects.requireNonNullElse(r.getMethodParameter().getParameterName(), "parameter"),
                "message", Objects.requireNonNullElse(err.getDefaultMessage(), "is not valid")))));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some values are not valid.");
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "The body is not valid JSON for this request.";
        String field = null;
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            field = u.getPropertyName();
            detail = "Unknown field '" + field + "'" + (u.getKnownPropertyIds() == null ? "" : "; known fields are " + u.getKnownPropertyIds()) + ".";
        } else if (cause instanceof InvalidFormatException f) {
            field = path(f);
            detail = "'" + field + "' cannot be \"" + abbreviate(String.valueOf(f.getValue())) + "\"" + allowed(f.getTargetType()) + ".";
        } else if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            field = path(d);
            detail = "'" + field + "' has the wrong type or shape.";
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "This request needs a JSON body.";
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Malformed request", detail);
        if (field != null) p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail p && p.getTitle() == null) p.setTitle("Request not handled");
        return r;
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        });
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; use one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type != null && type == UUID.class) return "; it must be an id (a UUID such as 3f2c1b8e-5d7a-4c1e-9b2f-0a6d4e8c7b21)";
        if (type != null && (type == Integer.class || type == int.class)) return "; use a whole number";
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
