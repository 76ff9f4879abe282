package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled corpus shipped at {@code triage/corpus.tsv} (written by tools/triage-corpus/generate.py). Its
 * split column fixes train and held-out once for all, so every run measures on the same unseen tickets.
 */
public record Corpus(List<LabelledTicket> tickets) {

    public static final String RESOURCE = "/triage/corpus.tsv";

    public static Corpus shipped() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("The triage corpus " + RESOURCE + " is not on the classpath");
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Corpus read(InputStream in) throws IOException {
        List<LabelledTicket> tickets = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("split\t")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 8) throw new IllegalStateException("Bad corpus line (want 8 columns): " + line);
            tickets.add(new LabelledTicket("heldout".equals(f[0]), f[1], Category.valueOf(f[2]), Integer.parseInt(f[3]),
                    Priority.valueOf(f[4]), f[5], f[6], f[7]));
        }
        return new Corpus(List.copyOf(tickets));
    }

    public List<LabelledTicket> train() {
        return tickets.stream().filter(t -> !t.heldOut()).toList();
    }

    public List<LabelledTicket> heldOut() {
        return tickets.stream().filter(LabelledTicket::heldOut).toList();
    }
}
