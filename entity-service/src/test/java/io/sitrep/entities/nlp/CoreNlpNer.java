package io.sitrep.entities.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Test helper running the service's NER stage ({@link NerPipeline#properties}, same mention extraction) outside Quarkus,
 * so tests run on real model output rather than hand-made mentions.
 * The pipeline is built once per JVM (holder idiom): the CRF model takes ~2 s to load.
 */
public final class CoreNlpNer {

    /** What the NER stage yields for one text, plus token count for throughput measurements. */
    public record Result(String text, List<RawMention> mentions, int tokenCount) {}

    private CoreNlpNer() {}

    private static final class Holder {
        static final StanfordCoreNLP PIPELINE = new StanfordCoreNLP(properties());
    }

    /** The service's own NER properties, so the tests see exactly what the service sees. */
    static Properties properties() {
        return NerPipeline.properties("edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
    }

    public static Result analyse(String text) {
        return analyse(text, TextUnits.whole(text));
    }

    /** As {@link NerPipeline#extract(String, TextUnits)}: each unit tagged alone, offsets into the whole text. */
    public static Result analyse(String text, TextUnits units) {
        List<RawMention> mentions = new ArrayList<>();
        int tokens = 0, sentenceIndex = 0;
        for (TextUnits.Unit u : units.units()) {
            Annotation doc = new Annotation(text.substring(u.start(), u.end()));
            Holder.PIPELINE.annotate(doc);
            for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
                List<CoreLabel> sentenceTokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
                tokens += sentenceTokens == null ? 0 : sentenceTokens.size();
                List<CoreMap> ms = sentence.get(CoreAnnotations.MentionsAnnotation.class);
                for (CoreMap m : ms == null ? List.<CoreMap>of() : ms) {
                    int start = u.start() + m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                    int end = u.start() + m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                    String type = m.get(CoreAnnotations.NamedEntityTagAnnotation.class);
                    mentions.add(new RawMention(text.substring(start, end), type, start, end, sentenceIndex));
                }
                sentenceIndex++;
            }
        }
        return new Result(text, List.copyOf(mentions), tokens);
    }
}
