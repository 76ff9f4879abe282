package io.breakpoint.identity.web;

import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.internal.ApiTokens;
import io.breakpoint.identity.internal.SignIn;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class AuthApi {

    private final ApiTokens tokens;
    private final SignIn signIn;
    private final AccountSecurity security;

    AuthApi(ApiTokens tokens, SignIn signIn, AccountSecurity security) {
        this.tokens = tokens;
        this.signIn = signIn;
        this.security = security;
    }

    /** {@code totp}: the current code of the authenticator app, or a recovery code; needed by people who use MFA. */
    record TokenRequest(@NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 20) String totp) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange email, password and (for people who use MFA) an authenticator code for a bearer token that expires",
            description = "401 problems carry an `error`: `sign_in_failed` (wrong email or password, or sign-in paused after "
                    + "failed attempts; the same answer for accounts that do not exist), `mfa_required` (send `totp`), "
                    + "`invalid_code` (wrong or already used code) or `mfa_enrolment_required` (sign in on the web once to set up an app).")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        Optional<PersonSummary> person = signIn.password(body.username(), body.password(), address);
        if (person.isEmpty()) {
            return refused("sign_in_failed", "Sign-in failed", "The email or password is not right.");
        }
        PersonSummary p = person.get();
        if (signIn.mfaRequired(p)) {
            if (!signIn.enrolled(p.id())) {
                return refused("mfa_enrolment_required", "Set up MFA first",
                        "Your account needs an authenticator app; sign in on the web once to set it up.");
            }
            if (body.totp() == null || body.totp().isBlank()) {
                return refused("mfa_required", "MFA code required",
                        "Send the current code of your authenticator app (or a recovery code) as \"totp\".");
            }
            if (!signIn.secondFactor(p, body.totp(), address)) {
                return refused("invalid_code", "Invalid code",
                        "The code is not right or was used already; wait for the next code of your authenticator app.");
            }
        }
        signIn.signedIn(p, "through the API");
        ApiTokens.Issued issued = tokens.issue(p);
        return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    private static ResponseEntity<?> refused(String error, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle(title);
        problem.setProperty("error", error);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the bearer token this request carries")
    void logout(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).strip());
    }

    @GetMapping("/tokens")
    @Operation(summary = "List the live bearer tokens of the caller (or, for MSP admins, of the person userId)")
    List<AccountSecurity.TokenSummary> tokens(@RequestParam(required = false) UUID userId) {
        return security.tokens(userId);
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a live bearer token of the caller (or, for MSP admins, of the person userId) by its id")
    void revoke(@PathVariable String id, @RequestParam(required = false) UUID userId) {
        security.revokeToken(userId, id);
    }
}
