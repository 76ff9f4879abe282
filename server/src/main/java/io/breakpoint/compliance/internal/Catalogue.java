package io.breakpoint.compliance.internal;

import io.breakpoint.compliance.Control;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/** The shipped HIPAA Security Rule catalogue and the NIST CSF 2.0 mapping (resources under compliance/). */
@Component
public class Catalogue {

    /** The self-audit's fourth question is recorded with the assessment, under this citation. */
    public static final String PROVIDER_GUARANTEE = "PROVIDER-GUARANTEE";
    public static final Control PROVIDER_GUARANTEE_CONTROL = new Control(PROVIDER_GUARANTEE, Control.Kind.STANDARD,
            PROVIDER_GUARANTEE, "Provider stands behind its security", Control.Requirement.ADDRESSABLE,
            "Does your IT provider financially stand behind its cybersecurity (a written guarantee or warranty that "
                    + "pays for a breach), or do you carry all of the risk?");

    public record CsfCategory(String function, String id, String name, List<String> citations) {
    }

    private final List<Control> controls;
    private final Map<String, Control> byCitation = new LinkedHashMap<>();
    private final List<CsfCategory> csf;

    public Catalogue() {
        this.controls = rows("compliance/hipaa-security-rule.tsv", 6).stream()
                .map(c -> new Control(c[0], Control.Kind.valueOf(c[1]), c[2], c[3], Control.Requirement.valueOf(c[4]), c[5]))
                .toList();
        controls.forEach(c -> byCitation.put(c.citation(), c));
        this.csf = rows("compliance/nist-csf-2.0.tsv", 4).stream()
                .map(c -> new CsfCategory(c[0], c[1], c[2], List.of(c[3].split(","))))
                .toList();
        for (CsfCategory k : csf) {
            for (String citation : k.citations()) {
                if (!byCitation.containsKey(citation)) {
                    throw new IllegalStateException("NIST CSF mapping of " + k.id() + " names an unknown citation " + citation);
                }
            }
        }
    }

    public List<Control> controls() {
        return controls;
    }

    /** A citation of the catalogue, or the provider-guarantee question; empty for anything else. */
    public Optional<Control> control(String citation) {
        if (PROVIDER_GUARANTEE.equals(citation)) return Optional.of(PROVIDER_GUARANTEE_CONTROL);
        return Optional.ofNullable(byCitation.get(citation));
    }

    public List<CsfCategory> csf() {
        return csf;
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != columns) throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
