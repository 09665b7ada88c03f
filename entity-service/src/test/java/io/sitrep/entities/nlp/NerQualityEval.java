package io.sitrep.entities.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import io.sitrep.entities.resolve.AliasKb;
import io.sitrep.entities.resolve.Gazetteer;
import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * NER quality command: entity-level exact-match precision, recall and F1 per type and overall of the service's
 * extraction (CoreNLP as {@link NerPipeline#properties} + {@link MentionCleaner}) next to the default CoreNLP
 * pipeline (tokenize,ssplit,pos,lemma,ner, default settings), on WikiGold (CoNLL, IOB1) and UNER English-PUD
 * news (PER/ORG/LOC only: MISC predictions are dropped), and the baseline the quality goal is set against: the
 * same CRF alone on the gold tokens ({@link GoldTokenCrf}, no tokeniser, no sentence splitter, no clean-ups). Documents are rebuilt as text (tokens joined by spaces,
 * sentences by blank lines) and spans compared by character offsets and type.
 *
 * Not part of the test suite (the name does not end in Test). Run:
 * <pre>bin/benchmark-ner</pre>
 */
@EnabledIfSystemProperty(named = "sitrep.ner-eval", matches = "true")
public class NerQualityEval {

    record Span(int start, int end, String type) {
    }

    /** {@code sentences}: the gold tokens of each sentence as [start, end) offsets into {@code text}. */
    record Doc(String text, Set<Span> gold, List<List<int[]>> sentences) {
    }

    /** Per-type true positives, predictions and gold counts. */
    static final class Score {
        final Map<String, int[]> byType = new TreeMap<>();

        void add(Set<Span> gold, Set<Span> predicted) {
            for (Span p : predicted) {
                int[] c = byType.computeIfAbsent(p.type(), k -> new int[3]);
                c[1]++;
                if (gold.contains(p)) {
                    c[0]++;
                }
            }
            for (Span g : gold) {
                byType.computeIfAbsent(g.type(), k -> new int[3])[2]++;
            }
        }

        String row(String type) {
            int[] c = type == null ? total() : byType.getOrDefault(type, new int[3]);
            double p = c[1] == 0 ? 0 : (double) c[0] / c[1], r = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return String.format("P %5.1f  R %5.1f  F1 %5.1f  (tp %d, pred %d, gold %d)", 100 * p, 100 * r, 100 * f, c[0], c[1], c[2]);
        }

        int[] total() {
            int[] t = new int[3];
            byType.values().forEach(c -> {
                for (int i = 0; i < 3; i++) {
                    t[i] += c[i];
                }
            });
            return t;
        }
    }

    public static void main(String[] args) throws IOException {
        new NerQualityEval().evaluate();
    }

    @Test
    void evaluate() throws IOException {
        Path eval = Seeds.sharedDir().resolve("eval");
        List<Doc> wikigold = wikigold(eval.resolve("wikigold/wikigold.conll.txt"));
        List<Doc> uner = uner(eval.resolve("uner-en-pud/en_pud.news.jsonl"));
        // built as DocumentAnalyzer builds it, so the figures are the service's
        AliasKb aliases = AliasKb.loadDefault();
        MentionCleaner cleaner = new MentionCleaner(aliases, Gazetteer.loadDefault(aliases)::isRegion);
        Properties defaults = new Properties();
        defaults.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // -Dsitrep.ner-eval.default=false skips the slow default pipeline while iterating on the service's column
        boolean withDefault = !"false".equals(System.getProperty("sitrep.ner-eval.default"));
        StanfordCoreNLP defaultPipeline = withDefault ? new StanfordCoreNLP(defaults) : null;
        StringBuilder errors = new StringBuilder();
        GoldTokenCrf crfAlone = new GoldTokenCrf();
        StringBuilder report = new StringBuilder();
        for (var set : Map.of("WikiGold", wikigold, "UNER en-PUD news", uner).entrySet()) {
            boolean dropMisc = set.getKey().startsWith("UNER");
            Score service = new Score(), baseline = new Score(), crf = new Score();
            long serviceNanos = 0, baselineNanos = 0, crfNanos = 0;
            int tokens = 0;
            for (Doc d : set.getValue()) {
                long t0 = System.nanoTime();
                CoreNlpNer.Result r = CoreNlpNer.analyse(d.text());
                List<Mention> cleaned = cleaner.clean(d.text(), r.mentions());
                serviceNanos += System.nanoTime() - t0;
                tokens += r.tokenCount();
                Set<Span> predicted = new HashSet<>();
                for (Mention m : cleaned) {
                    add(predicted, m.start(), m.end(), m.type(), dropMisc);
                }
                service.add(d.gold(), predicted);
                errors(set.getKey(), d, predicted, errors);
                t0 = System.nanoTime();
                if (withDefault) baseline.add(d.gold(), defaultPipeline(defaultPipeline, d.text(), dropMisc));
                baselineNanos += System.nanoTime() - t0;
                t0 = System.nanoTime();
                Set<Span> crfSpans = new HashSet<>();
                for (GoldTokenCrf.Tagged t : crfAlone.tag(d.text(), d.sentences())) {
                    add(crfSpans, t.start(), t.end(), t.type(), dropMisc);
                }
                crf.add(d.gold(), crfSpans);
                crfNanos += System.nanoTime() - t0;
            }
            report.append(String.format("%n== %s: %d documents, %d tokens ==%n", set.getKey(), set.getValue().size(), tokens));
            List<String> types = new ArrayList<>(dropMisc ? List.of("PER", "ORG", "LOC") : List.of("PER", "ORG", "LOC", "MISC"));
            types.add(null);
            for (String type : types) {
                report.append(String.format("%-8s service  %s%n%-8s default  %s%n%-8s crf-gold %s%n",
                        type == null ? "overall" : type, service.row(type), "", baseline.row(type), "", crf.row(type)));
            }
            report.append(String.format("time: service %.1f s (%.0f tokens/s), default pipeline %.1f s (%.0f tokens/s), "
                            + "CRF on gold tokens %.1f s%n", serviceNanos / 1e9, tokens / (serviceNanos / 1e9),
                    baselineNanos / 1e9, tokens / (baselineNanos / 1e9), crfNanos / 1e9));
        }
        System.out.println(report);
        Path out = Path.of("target", "ner-quality.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        Files.writeString(out.resolveSibling("ner-errors.txt"), errors.toString(), StandardCharsets.UTF_8);
    }

    /** The service's misses and wrong spans, for error analysis (target/ner-errors.txt, never committed). */
    private static void errors(String set, Doc d, Set<Span> predicted, StringBuilder out) {
        for (Span g : d.gold()) {
            if (predicted.contains(g)) continue;
            String got = predicted.stream().filter(p -> p.start() < g.end() && g.start() < p.end())
                    .map(p -> p.type() + " '" + d.text().substring(p.start(), p.end()) + "'").findFirst().orElse("nothing");
            out.append(String.format("%s\tFN\t%s\t%s\tgot %s%n", set, g.type(), d.text().substring(g.start(), g.end()), got));
        }
        for (Span p : predicted) {
            if (d.gold().contains(p)) continue;
            String gold = d.gold().stream().filter(g -> p.start() < g.end() && g.start() < p.end())
                    .map(g -> g.type() + " '" + d.text().substring(g.start(), g.end()) + "'").findFirst().orElse("nothing");
            out.append(String.format("%s\tFP\t%s\t%s\tgold %s%n", set, p.type(), d.text().substring(p.start(), p.end()), gold));
        }
    }

    private static Set<Span> defaultPipeline(StanfordCoreNLP nlp, String text, boolean dropMisc) {
        Annotation doc = new Annotation(text);
        nlp.annotate(doc);
        Set<Span> out = new HashSet<>();
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreMap> ms = sentence.get(CoreAnnotations.MentionsAnnotation.class);
            if (ms == null) {
                continue;
            }
            for (CoreMap m : ms) {
                add(out, m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                        m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class),
                        m.get(CoreAnnotations.NamedEntityTagAnnotation.class), dropMisc);
            }
        }
        return out;
    }

    /**
     * CoreNLP labels to CoNLL: PERSON→PER, ORGANIZATION→ORG, LOCATION/CITY/COUNTRY/STATE_OR_PROVINCE→LOC,
     * MISC/NATIONALITY/RELIGION→MISC; everything else (DATE, TITLE, NUMBER, …) is not a CoNLL entity.
     */
    static String conll(String coreNlp) {
        return switch (coreNlp) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> "LOC";
            case "MISC", "NORP", "NATIONALITY", "RELIGION" -> "MISC";
            default -> null;
        };
    }

    private static void add(Set<Span> out, int start, int end, String coreNlpType, boolean dropMisc) {
        String type = conll(coreNlpType);
        if (type != null && !(dropMisc && type.equals("MISC"))) {
            out.add(new Span(start, end, type));
        }
    }

    /** CoNLL IOB1: I-X continues an X entity, B-X starts a new one next to another X. */
    static List<Doc> wikigold(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Set<Span> gold = new HashSet<>();
        List<List<int[]>> sentences = new ArrayList<>();
        List<int[]> sentence = new ArrayList<>();
        String openType = null;
        int openStart = -1, lastEnd = -1;
        boolean sentenceBreak = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("-DOCSTART-") || line.isBlank()) {
                if (openType != null) {
                    gold.add(new Span(openStart, lastEnd, openType));
                    openType = null;
                }
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                }
                if (line.startsWith("-DOCSTART-")) {
                    if (text.length() > 0) {
                        docs.add(new Doc(text.toString(), gold, sentences));
                    }
                    text = new StringBuilder();
                    gold = new HashSet<>();
                    sentences = new ArrayList<>();
                    sentenceBreak = false;
                } else {
                    sentenceBreak = text.length() > 0;
                }
                continue;
            }
            int space = line.lastIndexOf(' ');
            String token = line.substring(0, space), tag = line.substring(space + 1);
            if (text.length() > 0) {
                text.append(sentenceBreak ? "\n\n" : " ");
            }
            sentenceBreak = false;
            int start = text.length();
            text.append(token);
            sentence.add(new int[]{start, text.length()});
            String type = tag.equals("O") ? null : tag.substring(2);
            boolean begins = tag.startsWith("B-") || type == null || !type.equals(openType);
            if (openType != null && begins) {
                gold.add(new Span(openStart, lastEnd, openType));
                openType = null;
            }
            if (type != null && openType == null) {
                openType = type;
                openStart = start;
            }
            lastEnd = text.length();
        }
        if (openType != null) {
            gold.add(new Span(openStart, lastEnd, openType));
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        if (text.length() > 0) {
            docs.add(new Doc(text.toString(), gold, sentences));
        }
        return docs;
    }

    /** One document per doc_id: its sentences joined by blank lines, entity offsets shifted accordingly. */
    static List<Doc> uner(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        Map<String, Set<Span>> golds = new LinkedHashMap<>();
        Map<String, List<List<int[]>>> tokens = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode s = json.readTree(line);
            String id = s.get("doc_id").asText();
            StringBuilder text = texts.computeIfAbsent(id, k -> new StringBuilder());
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int offset = text.length();
            text.append(s.get("text").asText());
            List<int[]> sentence = new ArrayList<>();
            for (JsonNode t : s.get("tokens")) {
                sentence.add(new int[]{offset + t.get(0).asInt(), offset + t.get(1).asInt()});
            }
            tokens.computeIfAbsent(id, k -> new ArrayList<>()).add(sentence);
            Set<Span> gold = golds.computeIfAbsent(id, k -> new HashSet<>());
            for (JsonNode e : s.get("entities")) {
                gold.add(new Span(offset + e.get("start").asInt(), offset + e.get("end").asInt(), e.get("type").asText()));
            }
        }
        List<Doc> docs = new ArrayList<>();
        texts.forEach((id, text) -> docs.add(new Doc(text.toString(), golds.get(id), tokens.get(id))));
        return docs;
    }
}
