package io.sitrep.ingest.pipeline;

import java.time.LocalDate;
import java.util.List;

/**
 * Turns a submission into a clean, dated, fingerprinted article: sanitise, strip chrome (or extract
 * from HTML), read the dateline and the publication date, split live blogs, detect the language.
 * Pure and thread-safe: nothing here touches the database.
 */
public final class ArticleProcessor {

    private final InputSanitizer sanitizer;
    private final ScrapedTextCleaner cleaner;
    private final HtmlArticleExtractor html;
    private final DatelineParser datelines;
    private final PublicationDateResolver dates;
    private final LiveBlogSplitter liveBlogs;
    private final LanguageIdentifier languages;
    private final ContentFingerprints fingerprints;

    public ArticleProcessor(LanguageIdentifier languages) {
        EnglishDateParser dateParser = new EnglishDateParser();
        this.sanitizer = new InputSanitizer();
        this.cleaner = new ScrapedTextCleaner(dateParser);
        this.html = new HtmlArticleExtractor();
        this.datelines = new DatelineParser(dateParser);
        this.dates = new PublicationDateResolver(dateParser);
        this.liveBlogs = new LiveBlogSplitter(dateParser);
        this.languages = languages;
        this.fingerprints = new ContentFingerprints();
    }

    public ProcessedArticle process(Submission in) {
        String raw = sanitizer.sanitize(in.body());
        String title;
        String byline;
        String text;
        DateValue htmlDate = null;
        if (in.format() == Submission.Format.HTML) {
            HtmlArticle page = html.extract(raw);
            title = firstNonBlank(in.title(), page.title());
            byline = page.byline();
            text = page.text();
            htmlDate = page.publishedTime();
        } else {
            CleanedText cleaned = cleaner.clean(raw, in.title());
            title = firstNonBlank(in.title(), cleaned.title());
            byline = cleaned.byline();
            text = cleaned.text();
        }
        if (text == null || text.isBlank()) {
            throw new RejectedInputException(RejectedInputException.NO_ARTICLE_TEXT,
                    "Nothing is left once navigation, adverts and other page chrome are removed");
        }
        Dateline dateline = datelines.parse(text).orElse(null);
        PublicationDate published = dates.resolve(in.publishedAt(), htmlDate, dateline, text);
        LocalDate blogDay = published.date();
        List<LiveBlogEntry> entries = liveBlogs.split(text, blogDay);
        LanguageGuess language = in.language() != null ? new LanguageGuess(in.language(), 1.0) : languages.identify(text);
        return new ProcessedArticle(raw, in.format().mediaType, title, byline, text, dateline, published, entries,
                language, fingerprints.fingerprint(text));
    }

    public double similarity(MinHashSignature a, MinHashSignature b) {
        return fingerprints.similarity(a, b);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }
}
