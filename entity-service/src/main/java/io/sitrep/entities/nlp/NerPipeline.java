package io.sitrep.entities.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.quarkus.runtime.StartupEvent;
import io.sitrep.entities.config.EntitiesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One warmed CoreNLP pipeline for the whole service. It is built in the background at start-up
 * so that liveness answers at once while readiness stays DOWN until the model is loaded and has
 * tagged a warm-up text.
 *
 * Deliberately lean: tokenize, ssplit and the CoNLL 4-class CRF only. The default
 * pos,lemma,ner pipeline with fine-grained, SUTime and numeric classifiers is ~60x slower here and
 * less accurate on news (see README benchmarks). StanfordCoreNLP.annotate is safe to call from
 * several threads at once.
 */
@ApplicationScoped
public class NerPipeline {

    private static final Logger LOG = Logger.getLogger(NerPipeline.class);

    private final EntitiesConfig config;
    private final ExtractionMetrics metrics;
    private volatile StanfordCoreNLP pipeline;
    private volatile String loadFailure;

    NerPipeline(EntitiesConfig config, ExtractionMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::load, "ner-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void load() {
        try {
            long t0 = System.nanoTime();
            StanfordCoreNLP built = new StanfordCoreNLP(properties(config.ner().model()));
            built.process("Jens Stoltenberg met officials of NATO in Brussels on Monday.");
            pipeline = built;
            LOG.infof("NER model %s loaded and warmed in %d ms", config.ner().model(), (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            loadFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("NER model failed to load", e);
        }
    }

    static Properties properties(String model) {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,ner");
        p.setProperty("ner.model", model);
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        p.setProperty("enforceRequirements", "false");
        // A blank line ends a sentence; a single newline inside a scraped paragraph does not.
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("tokenize.language", "en");
        return p;
    }

    public boolean isReady() {
        return pipeline != null;
    }

    public String loadFailure() {
        return loadFailure;
    }

    public Extraction extract(String text) {
        return extract(text, TextUnits.whole(text));
    }

    /**
     * Each unit is tagged on its own, so no sentence spans two live-blog entries; offsets are shifted back to the
     * whole text and sentence numbers run on across units. The CRF's features never look past a sentence, so
     * this changes nothing but the sentence boundaries.
     */
    public Extraction extract(String text, TextUnits units) {
        StanfordCoreNLP nlp = pipeline;
        if (nlp == null) {
            throw new ModelNotReadyException();
        }
        long t0 = System.nanoTime();
        List<RawMention> mentions = new ArrayList<>();
        int tokens = 0, sentenceCount = 0;
        for (TextUnits.Unit unit : units.units()) {
            Annotation doc = new Annotation(text.substring(unit.start(), unit.end()));
            nlp.annotate(doc);
            List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
            for (CoreMap sentence : sentences) {
                tokens += sentence.get(CoreAnnotations.TokensAnnotation.class).size();
                List<CoreMap> found = sentence.get(CoreAnnotations.MentionsAnnotation.class);
                if (found != null) {
                    for (CoreMap m : found) {
                        int start = unit.start() + m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                        int end = unit.start() + m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                        String type = m.get(CoreAnnotations.NamedEntityTagAnnotation.class);
                        // Substring of the input, not the token text: PTB normalises brackets and quotes.
                        mentions.add(new RawMention(text.substring(start, end), type, start, end, sentenceCount));
                    }
                }
                sentenceCount++;
            }
        }
        metrics.extracted(java.time.Duration.ofNanos(System.nanoTime() - t0), tokens);
        return new Extraction(mentions, tokens, sentenceCount);
    }
}
