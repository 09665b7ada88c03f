package io.sitrep.entities.nlp;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A native image can deserialise the CRF model only if every class in it is registered. The
 * registration is generated from the real model; this fails when the model or CoreNLP changes and
 * the committed file no longer covers it.
 */
class NativeSerializationConfigTest {

    @Test
    void everyClassInTheModelIsRegisteredForNativeSerialisation() throws Exception {
        Set<String> needed = ModelSerializationClasses.of(ModelSerializationClasses.DEFAULT_MODEL);
        // the stream holds the classifier's flags, feature factory, indices and weights, not a CRFClassifier object
        assertThat(needed).contains("edu.stanford.nlp.sequences.SeqClassifierFlags", "edu.stanford.nlp.ie.NERFeatureFactory")
                .hasSizeGreaterThan(5);

        String committed = Files.readString(Path.of(ModelSerializationClasses.CONFIG));
        Set<String> registered = new TreeSet<>();
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(committed);
        while (m.find()) {
            registered.add(m.group(1));
        }
        assertThat(registered)
                .as("regenerate with ModelSerializationClasses.main (README, native section)")
                .containsAll(needed);
    }
}
