package io.breakpoint.triage.internal;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Character 3- and 4-grams of each word of four letters or more, marked so they never clash with words:
 * "pasword" and "password" share most of them. Public with a no-argument constructor because OpenNLP
 * instantiates feature generators by class name.
 */
public final class CharNGrams implements FeatureGenerator {

    public CharNGrams() {
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String word : text) {
            if (word.length() < 4) continue;
            String w = "<" + word + ">";
            for (int n = 3; n <= 4; n++) {
                for (int i = 0; i + n <= w.length(); i++) features.add("c=" + w.substring(i, i + n));
            }
        }
        return features;
    }
}
