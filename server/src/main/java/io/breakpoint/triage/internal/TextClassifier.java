package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.ext.ExtensionLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistical half of triage: Apache OpenNLP's document categorizer (a maximum-entropy model) over
 * words, word pairs and character n-grams of each word, the last so that "pasword", "priter" and "internt"
 * land near what they misspell. Two models on the same features: one for the category, and one that only
 * tells P1 tickets from the rest, a safety net under the priority rules (see {@link #p1Probability}).
 * Trained in memory from the corpus; nothing is downloaded.
 */
public final class TextClassifier {

    private static final String P1 = "P1", NOT_P1 = "OTHER";

    private final DoccatModel model;
    private final Category[] categoryAt;
    private final DoccatModel p1Model;
    private final int p1Index;

    private TextClassifier(DoccatModel model, DoccatModel p1Model) {
        this.model = model;
        this.p1Model = p1Model;
        this.p1Index = new DocumentCategorizerME(p1Model).getIndex(P1);
        DocumentCategorizerME me = new DocumentCategorizerME(model);
        this.categoryAt = new Category[me.getNumberOfCategories()];
        for (int i = 0; i < categoryAt.length; i++) categoryAt[i] = Category.valueOf(me.getCategory(i));
    }

    public static TextClassifier train(List<LabelledTicket> tickets) {
        // Maximum entropy (GIS), not naive Bayes: on this corpus both reach the same accuracy, but naive Bayes
        // puts almost every ticket above 0.99, which would make the dispatch threshold meaningless. 100
        // iterations: 150 moved no held-out figure and cost half as much time again.
        return train(tickets, "MAXENT", 100, true);
    }

    static TextClassifier train(List<LabelledTicket> tickets, String algorithm, int iterations, boolean charNGrams) {
        List<DocumentSample> categories = new ArrayList<>(tickets.size()), p1 = new ArrayList<>(tickets.size());
        for (LabelledTicket t : tickets) {
            String[] tokens = TicketText.of(t.subject(), t.description()).tokensForClassifier();
            categories.add(new DocumentSample(t.category().name(), tokens));
            p1.add(new DocumentSample(t.priority() == Priority.P1 ? P1 : NOT_P1, tokens));
        }
        // The two-outcome P1 model converges in half the iterations; this keeps startup training under 3 s of CPU.
        return new TextClassifier(model(categories, algorithm, iterations, charNGrams), model(p1, algorithm, iterations / 2, charNGrams));
    }

    private static DoccatModel model(List<DocumentSample> samples, String algorithm, int iterations, boolean charNGrams) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        // Cutoff 1 keeps words seen once, such as "ransomware" or "bitcoin".
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 2);
        // OpenNLP re-loads feature generators by class name when it builds the model, and only from packages it trusts.
        ExtensionLoader.registerAllowedPackage(CharNGrams.class.getPackageName());
        try {
            DoccatFactory factory = new DoccatFactory(charNGrams
                    ? new FeatureGenerator[]{new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2), new CharNGrams()}
                    : new FeatureGenerator[]{new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), params, factory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both models in one byte array (length-prefixed), to keep the model in use in the database. */
    public byte[] toBytes() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream data = new java.io.DataOutputStream(out);
            for (DoccatModel m : new DoccatModel[]{model, p1Model}) {
                java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
                m.serialize(one);
                data.writeInt(one.size());
                one.writeTo(data);
            }
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TextClassifier fromBytes(byte[] bytes) {
        ExtensionLoader.registerAllowedPackage(CharNGrams.class.getPackageName());
        try {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
            DoccatModel[] models = new DoccatModel[2];
            for (int i = 0; i < 2; i++) {
                byte[] one = new byte[in.readInt()];
                in.readFully(one);
                models[i] = new DoccatModel(new java.io.ByteArrayInputStream(one));
            }
            return new TextClassifier(models[0], models[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text's features, taken once for both models (they are trained with the same feature generators), as
     * OpenNLP's own categorizer takes them: each generator's features in turn.
     */
    public Scored score(TicketText text) {
        String[] tokens = text.tokensForClassifier();
        if (tokens.length == 0) return new Scored(this, null);
        List<String> context = new ArrayList<>();
        for (FeatureGenerator g : model.getFactory().getFeatureGenerators()) context.addAll(g.extractFeatures(tokens, Map.of()));
        return new Scored(this, context.toArray(String[]::new));
    }

    /** One text's scores: the categories now, the P1 resemblance when asked. */
    public static final class Scored {
        private final TextClassifier classifier;
        private final String[] context;

        private Scored(TextClassifier classifier, String[] context) {
            this.classifier = classifier;
            this.context = context;
        }

        /** Probability of each category, indexed by {@link Category#ordinal()}. */
        public double[] categories() {
            double[] out = new double[Category.values().length];
            if (context == null) return out;
            double[] p = classifier.model.getMaxentModel().eval(context);
            for (int i = 0; i < p.length; i++) out[classifier.categoryAt[i].ordinal()] = p[i];
            return out;
        }

        /** How much the text resembles the corpus's P1 tickets (0..1). */
        public double p1() {
            return context == null ? 0 : classifier.p1Model.getMaxentModel().eval(context)[classifier.p1Index];
        }
    }

    /** As {@link Scored#categories}, through OpenNLP's own categorizer: what the shared features must equal. */
    public double[] probabilities(TicketText text) {
        double[] out = new double[Category.values().length];
        String[] tokens = text.tokensForClassifier();
        if (tokens.length == 0) return out;
        // DocumentCategorizerME keeps per-call state; one instance per call is cheap (it wraps the shared model).
        double[] p = new DocumentCategorizerME(model).categorize(tokens);
        for (int i = 0; i < p.length; i++) out[categoryAt[i].ordinal()] = p[i];
        return out;
    }

    /** As {@link Scored#p1}, through OpenNLP's own categorizer. */
    public double p1Probability(TicketText text) {
        String[] tokens = text.tokensForClassifier();
        return tokens.length == 0 ? 0 : new DocumentCategorizerME(p1Model).categorize(tokens)[p1Index];
    }
}
