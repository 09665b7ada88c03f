package io.sitrep.entities.nlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The classes Java serialisation meets while the CRF model is read, recorded by reading the real
 * model through an ObjectInputStream that notes every class it resolves. native-image must have
 * each of them registered for serialisation (serialization-config.json).
 */
final class ModelSerializationClasses {

    static final String DEFAULT_MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    static final String CONFIG =
            "src/main/resources/META-INF/native-image/io.sitrep/entity-service/serialization-config.json";

    private ModelSerializationClasses() {
    }

    static Set<String> of(String modelResource) throws IOException, ClassNotFoundException {
        Set<String> seen = new TreeSet<>();
        try (InputStream raw = ModelSerializationClasses.class.getClassLoader().getResourceAsStream(modelResource)) {
            if (raw == null) {
                throw new IOException("model not on the classpath: " + modelResource);
            }
            ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new GZIPInputStream(raw))) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                    Class<?> c = super.resolveClass(desc);
                    if (!c.isPrimitive()) {
                        seen.add(desc.getName());
                    }
                    return c;
                }
            };
            CRFClassifier<CoreLabel> classifier = new CRFClassifier<>(new Properties());
            classifier.loadClassifier(in, new Properties());
        }
        return seen;
    }

    /** GraalVM's serialization-config.json for these classes. */
    static String toJson(Set<String> classes) {
        StringBuilder b = new StringBuilder("[\n");
        int i = 0;
        for (String name : classes) {
            b.append("  {\"name\": \"").append(name).append("\"}").append(++i < classes.size() ? ",\n" : "\n");
        }
        return b.append("]\n").toString();
    }

    /** Regenerates the committed config; run with the entity-service directory as working directory. */
    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(CONFIG), toJson(of(DEFAULT_MODEL)));
        System.out.println("wrote " + CONFIG);
    }
}
