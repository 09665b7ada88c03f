package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Direct quotations and who said them. Patterns, tried in order for each quote:
 * <ol>
 *   <li>attribution right after a quote that ends its clause: {@code "…," X said}, {@code "…," said X},
 *       {@code "…," he added}, {@code "…," the Ukrainian leader said}, {@code "…," according to X};</li>
 *   <li>a speech verb earlier in the same sentence: {@code X said: "…"}, {@code X told lawmakers that … "…"};</li>
 *   <li>a speech verb later in the same sentence: {@code … "…" …, the Times reported};</li>
 *   <li>continuation: a paragraph that is only a quote, right after a paragraph whose last quote is attributed.</li>
 * </ol>
 * A pattern that finds a speech verb but no resolvable subject ("they said") ends the search with speaker null.
 */
public final class QuoteAttributor {

    static final Set<String> SPEECH_VERBS = Set.of(
            "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
            "insist", "insists", "insisted", "insisting", "claim", "claims", "claimed", "claiming", "state", "states",
            "stated", "stress", "stresses", "stressed", "warn", "warns", "warned", "warning", "note", "notes", "noted",
            "noting", "explain", "explains", "explained", "announce", "announced", "declare", "declared", "write",
            "writes", "wrote", "tweeted", "report", "reports", "reported", "argue", "argued", "assert", "asserted",
            "reiterate", "reiterated", "confirm", "confirmed", "deny", "denied", "ask", "asked", "reply", "replied",
            "urge", "urged", "comment", "commented", "mention", "mentions", "mentioned", "conclude", "concludes", "concluded", "admit", "admitted", "acknowledged", "continued", "quipped");
    private static final Set<String> PARTICIPLES = Set.of("saying", "adding", "telling", "insisting", "noting",
            "warning", "claiming");
    private static final int ATTRIBUTION_REACH = 100;

    /**
     * @param mentions cleaned mentions, sorted by start (as {@link MentionCleaner} returns them)
     * @param roles    roles from {@link RoleExtractor}, used to resolve descriptions such as "the NATO chief"
     */
    public List<Quote> attribute(String text, List<Mention> mentions, List<Role> roles) {
        return attribute(text, mentions, roles, TextUnits.whole(text));
    }

    /**
     * @param units live-blog entries and the text between them: a quote, its sentence and a pronoun's antecedent
     *              stay inside one unit; descriptions ("the NATO chief") may still use roles named earlier in the
     *              document, since a title, once given, holds for the whole blog
     */
    public List<Quote> attribute(String text, List<Mention> mentions, List<Role> roles, TextUnits units) {
        List<int[]> spans = new ArrayList<>();
        for (TextUnits.Unit u : units.units()) {
            // per unit, so a quote left open at the end of one entry never pairs with a mark in the next
            for (int[] q : QuoteFinder.find(text.substring(u.start(), u.end()))) {
                spans.add(new int[]{u.start() + q[0], u.start() + q[1]});
            }
        }
        QuoteContext ctx = new QuoteContext(text, spans, mentions, roles, units);
        Mention[] speakers = new Mention[spans.size()];
        SpeakerResolver resolver = new SpeakerResolver(ctx, speakers);
        List<Quote> out = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            Quote q = new Quote(spans.get(k)[0], spans.get(k)[1], null, null, -1, -1, "unattributed");
            Quote attributed = immediatelyAfter(ctx, resolver, q, k);
            if (attributed == null) attributed = earlierInSentence(ctx, resolver, q, k, out);
            if (attributed == null) attributed = laterInSentence(ctx, resolver, q, k);
            if (attributed == null) attributed = continuation(ctx, q, out);
            if (attributed == null) attributed = q;
            speakers[k] = attributed.speaker();
            out.add(attributed);
        }
        return out;
    }

    /** The quote ends its clause ({@code ,"} {@code ",} {@code ?"}) and a speech verb follows within reach. */
    private Quote immediatelyAfter(QuoteContext ctx, SpeakerResolver resolver, Quote q, int k) {
        String text = ctx.text;
        int close = q.end() - 1;
        boolean endsClause = (close > q.start() && ",!?".indexOf(text.charAt(close - 1)) >= 0)
                || (q.end() < text.length() && text.charAt(q.end()) == ',');
        if (!endsClause) return null;
        int limit = Math.min(ctx.sentenceEnd(q.end()), q.end() + ATTRIBUTION_REACH);
        List<int[]> words = ctx.wordsOutsideQuotes(q.end(), limit);
        for (int w = 0; w < words.size(); w++) {
            String word = ctx.word(words.get(w));
            if (word.equals("according") && w + 1 < words.size() && ctx.word(words.get(w + 1)).equals("to")) {
                Mention m = resolver.namedAfter(words.get(w + 1)[1], limit);
                return m == null ? null : attributed(q, m, text, words.get(w)[0], words.get(w + 1)[1], "according to X");
            }
            if (!SPEECH_VERBS.contains(word)) continue;
            int[] verb = words.get(w);
            if (w == 0) {           // "…," said X
                Mention m = resolver.namedAfter(verb[1], limit);
                return attributed(q, m, text, verb[0], verb[1], "\"…,\" said X");
            }
            SpeakerResolver.Subject s = resolver.subjectBefore(q.end(), verb, k);
            return attributed(q, s.speaker(), text, verb[0], verb[1], "\"…,\" X said (" + (s.applies() ? s.how() : "no subject") + ")");
        }
        return null;
    }

    /** The leftmost speech verb before the quote in its sentence with a resolvable subject. */
    private Quote earlierInSentence(QuoteContext ctx, SpeakerResolver resolver, Quote q, int k, List<Quote> done) {
        int sentenceStart = ctx.sentenceStart(q.start());
        Quote unresolved = null;
        for (int[] w : ctx.wordsOutsideQuotes(sentenceStart, q.start())) {
            String word = ctx.word(w);
            if (!SPEECH_VERBS.contains(word)) continue;
            SpeakerResolver.Subject s = resolver.subjectBefore(sentenceStart, w, k);
            if (s.applies() && s.speaker() != null) return attributed(q, s.speaker(), ctx.text, w[0], w[1], "X said … \"…\" (" + s.how() + ")");
            if (PARTICIPLES.contains(word)) {
                // "…, adding that …": the speaker of an earlier quote in this sentence
                for (int j = done.size() - 1; j >= 0 && done.get(j).end() > sentenceStart; j--) {
                    if (done.get(j).speaker() != null) return attributed(q, done.get(j).speaker(), ctx.text, w[0], w[1], "participle continues earlier quote");
                }
            }
            if (unresolved == null) unresolved = attributed(q, null, ctx.text, w[0], w[1], "speech verb without resolvable subject");
        }
        return unresolved;
    }

    /** A speech verb after the quote, later in the same sentence: {@code … "…" …, TASS reported}, {@code …, according to X}. */
    private Quote laterInSentence(QuoteContext ctx, SpeakerResolver resolver, Quote q, int k) {
        int sentenceEnd = ctx.sentenceEnd(q.end());
        List<int[]> words = ctx.wordsOutsideQuotes(q.end(), sentenceEnd);
        for (int i = 0; i < words.size(); i++) {
            int[] w = words.get(i);
            if (ctx.word(w).equals("according") && i + 1 < words.size() && ctx.word(words.get(i + 1)).equals("to")) {
                Mention m = resolver.namedAfter(words.get(i + 1)[1], sentenceEnd);
                if (m != null) return attributed(q, m, ctx.text, w[0], words.get(i + 1)[1], "… \"…\" …, according to X");
                continue;
            }
            if (!SPEECH_VERBS.contains(ctx.word(w))) continue;
            SpeakerResolver.Subject s = resolver.subjectBefore(q.end(), w, k);
            if (s.applies()) return attributed(q, s.speaker(), ctx.text, w[0], w[1], "\"…\" …, X said (" + s.how() + ")");
        }
        return null;
    }

    /** A paragraph that is only a quote continues the last attributed quote of the paragraph just before it. */
    private Quote continuation(QuoteContext ctx, Quote q, List<Quote> done) {
        int p = ctx.blocks.paragraphAt(q.start());
        if (p <= 0) return null;
        TextBlocks.Paragraph para = ctx.blocks.paragraphs().get(p);
        if (para.start() != q.start() || !onlyPunctuation(ctx.text, q.end(), para.end())) return null;
        TextBlocks.Paragraph previous = ctx.blocks.paragraphs().get(p - 1);
        if (!ctx.sameUnit(previous.start(), q.start())) return null;
        for (int j = done.size() - 1; j >= 0 && done.get(j).end() > previous.start(); j--) {
            Quote d = done.get(j);
            if (d.start() >= previous.start() && d.end() <= previous.end() + 1) {
                return d.speaker() == null ? null : q.withSpeaker(d.speaker(), null, -1, -1, "continuation paragraph");
            }
        }
        return null;
    }

    private static boolean onlyPunctuation(String text, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isLetterOrDigit(text.charAt(i))) return false;
        return true;
    }

    private static Quote attributed(Quote q, Mention speaker, String text, int verbStart, int verbEnd, String rule) {
        return q.withSpeaker(speaker, text.substring(verbStart, verbEnd), verbStart, verbEnd, rule);
    }
}
