package io.sitrep.entities.analysis;

import io.sitrep.entities.domain.DocumentSegment;
import io.sitrep.entities.nlp.DateMention;
import io.sitrep.entities.nlp.Extraction;
import io.sitrep.entities.nlp.Mention;
import io.sitrep.entities.nlp.MentionCleaner;
import io.sitrep.entities.nlp.NerPipeline;
import io.sitrep.entities.nlp.Quote;
import io.sitrep.entities.nlp.QuoteAttributor;
import io.sitrep.entities.nlp.RelativeDateNormalizer;
import io.sitrep.entities.nlp.Role;
import io.sitrep.entities.nlp.RoleExtractor;
import io.sitrep.entities.nlp.TextUnits;
import io.sitrep.entities.resolve.AliasKb;
import io.sitrep.entities.resolve.CrossDocumentMatcher;
import io.sitrep.entities.resolve.Demonyms;
import io.sitrep.entities.resolve.DocumentEntity;
import io.sitrep.entities.resolve.Gazetteer;
import io.sitrep.entities.resolve.KnownNames;
import io.sitrep.entities.resolve.Qualifiers;
import io.sitrep.entities.resolve.Salience;
import io.sitrep.entities.resolve.WithinDocumentResolver;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis path of one text, with each live-blog entry a unit of its own ({@link TextUnits}): NER raw mentions, then {@link MentionCleaner}, {@link WithinDocumentResolver},
 * {@link Salience}, {@link RoleExtractor}, {@link QuoteAttributor} and {@link RelativeDateNormalizer}. Stateless
 * and thread-safe; stores nothing (cross-document resolution happens when a document is stored).
 */
@ApplicationScoped
public class DocumentAnalyzer {

    private final NerPipeline ner;
    private final AliasKb aliases;
    private final CrossDocumentMatcher matcher;
    private final KnownNames knownNames;
    private final MentionCleaner cleaner;
    private final WithinDocumentResolver resolver;
    private final RoleExtractor roles = new RoleExtractor();
    private final QuoteAttributor quotes = new QuoteAttributor();
    private final RelativeDateNormalizer dates = new RelativeDateNormalizer();
    private final Salience salience = new Salience();

    DocumentAnalyzer(NerPipeline ner) {
        this.ner = ner;
        this.aliases = AliasKb.loadDefault();
        this.matcher = new CrossDocumentMatcher(aliases, Qualifiers.loadDefault());
        Gazetteer gazetteer = Gazetteer.loadDefault(aliases);
        this.knownNames = new KnownNames(aliases, gazetteer, Demonyms.loadDefault());
        this.cleaner = new MentionCleaner(aliases, gazetteer::isRegion);
        this.resolver = new WithinDocumentResolver(matcher);
    }

    public CrossDocumentMatcher matcher() {
        return matcher;
    }

    public AliasKb aliases() {
        return aliases;
    }

    /** Preferred names, places and countries of document entities, for their canonical entities. */
    public KnownNames knownNames() {
        return knownNames;
    }

    /**
     * @param title     the headline if the text starts with it (salience counts mentions in it), else null
     * @param reference the day relative dates are resolved against (publication day)
     * @param segments  live-blog entries: relative dates inside an entry are resolved against its time
     */
    public Analysis analyse(String text, String title, LocalDate reference, List<DocumentSegment> segments) {
        TextUnits units = units(text, segments);
        Extraction extraction = ner.extract(text, units);
        List<Mention> mentions = cleaner.clean(text, extraction.mentions()).stream()
                .map(m -> m.withSegment(units.segmentAt(m.start()))).toList();
        // Names resolve across the whole document, entries included: a live blog introduces "Jens Stoltenberg"
        // once and says "Stoltenberg" in later entries, and one name is one entity throughout the blog.
        List<DocumentEntity> entities = resolver.resolve(mentions);
        int titleEnd = title != null && !title.isBlank() && text.startsWith(title) ? title.length() : 0;
        Map<DocumentEntity, Double> scores = new IdentityHashMap<>();
        for (Salience.EntitySalience s : salience.score(entities, text.length(), titleEnd)) {
            scores.put(s.entity(), s.score());
        }
        List<Double> salienceByEntity = entities.stream().map(e -> scores.getOrDefault(e, 0.0)).toList();
        List<Role> foundRoles = roles.extract(text, mentions, units);
        List<Quote> foundQuotes = quotes.attribute(text, mentions, foundRoles, units);
        return new Analysis(text, extraction, mentions, entities, salienceByEntity, foundRoles, foundQuotes,
                dates(text, reference, segments));
    }

    /** Each live-blog entry is a unit of its own (sentences, quotes and pronouns stay inside it). */
    public static TextUnits units(String text, List<DocumentSegment> segments) {
        if (segments == null || segments.isEmpty()) return TextUnits.whole(text);
        return TextUnits.of(text, segments.stream().map(s -> new TextUnits.Span(s.ordinal(), s.start(), s.end())).toList());
    }

    /** Inside each live-blog entry, the entry's day; elsewhere, the reference day (with in-text day headers). */
    List<DateMention> dates(String text, LocalDate reference, List<DocumentSegment> segments) {
        List<DocumentSegment> timed = segments == null ? List.of() : segments.stream()
                .filter(s -> s.occurredAt() != null && s.start() >= 0 && s.end() <= text.length() && s.start() < s.end())
                .sorted(Comparator.comparingInt(DocumentSegment::start))
                .toList();
        if (timed.isEmpty()) {
            return dates.normaliseLiveBlog(text, reference);
        }
        List<DateMention> out = new ArrayList<>();
        int pos = 0;
        for (DocumentSegment s : timed) {
            if (s.start() < pos) {
                continue;       // overlapping entries: the first one wins
            }
            if (s.start() > pos) {
                out.addAll(dates.normalise(text, pos, s.start(), reference));
            }
            out.addAll(dates.normalise(text, s.start(), s.end(), day(s.occurredAt())));
            pos = s.end();
        }
        if (pos < text.length()) {
            out.addAll(dates.normalise(text, pos, text.length(), reference));
        }
        return out;
    }

    public static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
