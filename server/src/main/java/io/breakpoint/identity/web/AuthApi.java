package io.breakpoint.identity.web;

import io.breakpoint.identity.internal.ApiTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class AuthApi {

    private final ApiTokens tokens;

    AuthApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 10) String totp) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange email and password for a bearer token that expires")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest body) {
        return tokens.issue(body.username(), body.password())
                .<ResponseEntity<?>>map(i -> ResponseEntity.ok(new TokenResponse(i.token(), i.expiresAt())))
                .orElseGet(() -> {
                    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "The email or password is not right.");
                    p.setTitle("Sign-in failed");
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
                });
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the bearer token this request carries")
    void logout(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).strip());
    }
}
