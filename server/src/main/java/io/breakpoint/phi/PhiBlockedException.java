package io.breakpoint.phi;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Set;

/**
 * Text refused because it holds PHI and the organization's policy is BLOCK: a 422 problem that names the kinds
 * found (never the values) and the field they are in.
 */
public class PhiBlockedException extends ErrorResponseException {

    private final String field;
    private final Set<PhiKind> kinds;

    public PhiBlockedException(String field, Set<PhiKind> kinds) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(field, kinds), null);
        this.field = field;
        this.kinds = Set.copyOf(kinds);
    }

    public String field() {
        return field;
    }

    public Set<PhiKind> kinds() {
        return kinds;
    }

    /** "This text holds a date of birth and a patient's name. ..." */
    public String plainMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String field, Set<PhiKind> kinds) {
        List<PhiKind> sorted = kinds.stream().sorted().toList();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The " + field + " holds " + PhiWords.list(sorted) + ". Your organization does not allow patient "
                        + "information in tickets: remove it and send again.");
        p.setTitle("Patient information not allowed");
        p.setProperty("field", field);
        p.setProperty("phiKinds", sorted.stream().map(Enum::name).toList());
        return p;
    }
}
