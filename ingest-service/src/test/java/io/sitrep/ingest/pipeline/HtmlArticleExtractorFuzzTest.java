package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the HTML path of the pipeline: untrusted bytes, {@link InputSanitizer}, then
 * {@link HtmlArticleExtractor} (jsoup parsing, metadata, furniture removal, {@link HtmlTextRenderer}, then
 * the line-level {@link ScrapedTextCleaner}).
 *
 * <p>Asserts: only {@link RejectedInputException} with a documented reason escapes; each page is handled
 * within {@link FuzzSupport#PER_INPUT}; neither the rendered text, the clean text, the title nor the byline
 * holds a control character the sanitizer promises to remove (character references such as {@code &#1;} are
 * decoded by the parser after the sanitizer ran); the clean text has the shape
 * {@link ScrapedTextCleanerFuzzTest#checkCleaned} checks, and removed-line offsets point into the rendered text.
 *
 * <p>Input: the whole page. Regression inputs: {@code HtmlArticleExtractorFuzzTestInputs/extractArticle/}.
 */
class HtmlArticleExtractorFuzzTest {

    private static final InputSanitizer SANITIZER = new InputSanitizer();
    private static final HtmlArticleExtractor EXTRACTOR = new HtmlArticleExtractor();

    static {
        EXTRACTOR.extract("<html><head><title>Warm up</title></head><body><article><p>A warm-up paragraph of "
                + "prose for the extractor, long enough to be kept.</p></article></body></html>");
    }

    @FuzzTest(maxDuration = "30s")
    void extractArticle(FuzzedDataProvider data) {
        byte[] page = data.consumeRemainingAsBytes();
        FuzzSupport.bounded(() -> {
            check(page);
            return null;
        });
    }

    private static void check(byte[] page) {
        String html;
        try {
            html = FuzzSupport.decode(SANITIZER, page);
        } catch (RejectedInputException e) {
            FuzzSupport.checkRejection(e);
            return;
        }
        HtmlArticle article;
        try {
            article = EXTRACTOR.extract(html);
        } catch (RejectedInputException e) {
            FuzzSupport.checkRejection(e, java.util.Set.of(RejectedInputException.EMPTY,
                    RejectedInputException.TOO_LARGE, RejectedInputException.NO_ARTICLE_TEXT));
            return;
        }
        FuzzSupport.checkNoControls("rendered text", article.renderedText());
        FuzzSupport.checkNoControls("title", article.title());
        FuzzSupport.checkNoControls("byline", article.byline());
        if (article.renderedText().indexOf('\r') >= 0) {
            throw new AssertionError("rendered text holds CR");
        }
        ScrapedTextCleanerFuzzTest.checkCleaned(article.renderedText(),
                new CleanedText(article.title(), article.byline(), article.text(), article.removedLines()));
        if (article.publishedTime() != null && article.publishedTime().date() == null) {
            throw new AssertionError("published time without a date");
        }
    }
}
