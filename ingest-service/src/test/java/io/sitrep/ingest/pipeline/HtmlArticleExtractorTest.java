package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HtmlArticleExtractorTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);
    private static final String LEAD = "MARROWFIELD (Lantern Wire) - The temporary flood barrier along the Marrow "
            + "river held overnight as water reached its highest level since records began, engineers said.";
    private static final String SECOND = "Residents of the lower town were told to stay on upper floors while crews "
            + "reinforced the barrier with sandbags and steel plates.";
    private static final String THIRD = "The chief engineer said the wall had been designed for a smaller flood.";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <title>Flood barrier holds | The Daily Lantern</title>
              <meta property="og:title" content="Flood Barrier Holds as River Peaks">
              <meta name="author" content="Jane Doe">
              <meta property="article:published_time" content="2024-06-04T08:15:00+01:00">
              <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-01"}</script>
              <style>p { color: red }</style>
            </head>
            <body>
              <nav><a href="/">Home</a><a href="/world">World</a></nav>
              <header class="site-header"><p>The Daily Lantern — all the news that floats</p></header>
              <div id="cookie-consent">We use cookies. <button>Accept all</button></div>
              <article>
                <h1>Flood Barrier Holds as River Peaks</h1>
                <div class="byline">By Jane Doe</div>
                <time datetime="2024-06-04T08:15:00+01:00">June 4, 2024</time>
                <div class="share-bar"><a>Share</a><a>Facebook</a><a>Copy link</a></div>
                <p>%s</p>
                <figure><img src="x.jpg"><figcaption>Engineers inspect the barrier. Photo: Lantern</figcaption></figure>
                <p>%s</p>
                <aside class="related"><h3>Related</h3><a>Ten bridges that changed travel</a></aside>
                <p>  %s  </p>
                <p>Advertisement</p>
                <script>var tracking = "Loading...";</script>
                <form class="newsletter"><p>Subscribe to our newsletter</p><input name="email"></form>
              </article>
              <footer><p>© 2024 The Daily Lantern. All rights reserved.</p></footer>
            </body>
            </html>
            """.formatted(LEAD, SECOND, THIRD);

    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    @Test
    void extractsMetadataAndCleanBody() {
        HtmlArticle article = extractor.extract(PAGE);

        assertThat(article.title()).isEqualTo("Flood Barrier Holds as River Peaks");
        assertThat(article.byline()).isEqualTo("Jane Doe");
        assertThat(article.publishedTime().date()).isEqualTo(LocalDate.of(2024, 6, 4));
        assertThat(article.publishedTime().instant()).isEqualTo(Instant.parse("2024-06-04T07:15:00Z"));
        assertThat(article.text()).isEqualTo(LEAD + "\n\n" + SECOND + "\n\n" + THIRD);
    }

    @Test
    void reportsLinesRemovedByTheLineLevelCleaning() {
        HtmlArticle article = extractor.extract(PAGE);

        assertThat(article.removedLines()).extracting(RemovedLine::reason)
                .contains(RemovalReason.TITLE, RemovalReason.ADVERTISEMENT);
        for (RemovedLine line : article.removedLines()) {
            assertThat(article.renderedText().substring(line.start(), line.end())).isEqualTo(line.text());
        }
    }

    @Test
    void titleFallsBackToTitleElementWithoutSiteSuffixThenToH1() {
        String withTitle = "<html><head><title>Flood barrier holds | The Daily Lantern</title></head>"
                + "<body><p>" + SECOND + "</p></body></html>";
        String withH1 = "<html><body><h1>Flood barrier holds</h1><p>" + SECOND + "</p></body></html>";
        String dashKept = "<html><head><title>Barrier holds - engineers</title></head><body><p>" + SECOND
                + "</p></body></html>";

        assertThat(extractor.extract(withTitle).title()).isEqualTo("Flood barrier holds");
        assertThat(extractor.extract(withH1).title()).isEqualTo("Flood barrier holds");
        assertThat(extractor.extract(withH1).text()).isEqualTo(SECOND);
        assertThat(extractor.extract(dashKept).title()).isEqualTo("Barrier holds - engineers");
    }

    @Test
    void bylineSources() {
        String relAuthor = "<html><body><a rel=\"author\" href=\"/jd\">Jane Doe</a><p>" + SECOND + "</p></body></html>";
        String bylineClass = "<html><body><span class=\"article-byline byline\">By John Roe | June 4</span><p>" + SECOND
                + "</p></body></html>";
        String jsonLd = "<html><head><script type=\"application/ld+json\">{\"author\":[{\"@type\":\"Person\","
                + "\"name\":\"Ana P\\u00e9rez\"}]}</script></head><body><p>" + SECOND + "</p></body></html>";
        String urlOnly = "<html><head><meta name=\"author\" content=\"https://social.example/jd\"></head><body><p>"
                + SECOND + "</p></body></html>";

        assertThat(extractor.extract(relAuthor).byline()).isEqualTo("Jane Doe");
        assertThat(extractor.extract(bylineClass).byline()).isEqualTo("John Roe");
        assertThat(extractor.extract(jsonLd).byline()).isEqualTo("Ana Pérez");
        assertThat(extractor.extract(urlOnly).byline()).isNull();
    }

    @Test
    void publishedTimeSources() {
        String timeElement = "<html><body><article><time datetime=\"2024-06-04\">4 June</time><p>" + SECOND
                + "</p></article></body></html>";
        String jsonLd = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"datePublished\" : \"2024-06-04T10:00:00Z\"}</script></head><body><p>" + SECOND + "</p></body></html>";
        String none = "<html><body><p>" + SECOND + "</p></body></html>";

        assertThat(extractor.extract(timeElement).publishedTime()).isEqualTo(DateValue.ofDate(LocalDate.of(2024, 6, 4)));
        assertThat(extractor.extract(jsonLd).publishedTime().instant()).isEqualTo(Instant.parse("2024-06-04T10:00:00Z"));
        assertThat(extractor.extract(none).publishedTime()).isNull();
    }

    @Test
    void articleBodyIsPreferredOverOtherArticles() {
        String html = "<html><body><article><p>A short teaser card for another story.</p></article>"
                + "<div itemprop=\"articleBody\"><p>" + SECOND + "</p><p>" + THIRD + "</p></div></body></html>";

        assertThat(extractor.extract(html).text()).isEqualTo(SECOND + "\n\n" + THIRD);
    }

    @Test
    void largestArticleIsChosen() {
        String html = "<html><body><article><p>A short teaser card.</p></article><article><p>" + SECOND + "</p><p>"
                + THIRD + "</p></article></body></html>";

        assertThat(extractor.extract(html).text()).isEqualTo(SECOND + "\n\n" + THIRD);
    }

    @Test
    void widgetClassOnAWrapperDoesNotRemoveTheArticle() {
        String html = "<html><body><form id=\"aspnetForm\"><div class=\"content has-sidebar\"><p>" + SECOND + "</p><p>"
                + THIRD + "</p><div class=\"sidebar\"><p>Most read today</p></div></div></form></body></html>";

        assertThat(extractor.extract(html).text()).isEqualTo(SECOND + "\n\n" + THIRD);
    }

    @Test
    void lineBreaksAndPreformattedText() {
        String html = "<html><body><p>" + SECOND + "<br>" + THIRD + "</p><pre>a  b\nc</pre></body></html>";

        assertThat(extractor.extract(html).text()).isEqualTo(SECOND + "\n\n" + THIRD + "\n\na  b\n\nc");
    }

    @Test
    void tenThousandNestedDivsComplete() {
        String html = "<html><body>" + "<div>".repeat(10_000) + "<p>" + SECOND + "</p>" + "</div>".repeat(10_000)
                + "</body></html>";

        HtmlArticle article = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html));

        assertThat(article.text()).isEqualTo(SECOND);
    }

    @Test
    void tenThousandUnclosedFormattingTagsComplete() {
        String html = "<html><body><p>" + "<b><i>".repeat(5_000) + SECOND + "</p><p>" + THIRD + "</body></html>";

        HtmlArticle article = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html));

        assertThat(article.text()).contains(SECOND);
    }

    @Test
    void tenThousandNestedWidgetsComplete() {
        String html = "<html><body><p>" + SECOND + "</p>" + "<div class=\"share\">x".repeat(10_000)
                + "</body></html>";

        HtmlArticle article = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html));

        assertThat(article.text()).isEqualTo(SECOND);
    }

    @Test
    void tenThousandNestedBylinesComplete() {
        String html = "<html><body><p>" + SECOND + "</p>"
                + "<div class=\"byline\">By Jane Doe and more words ".repeat(10_000) + "</body></html>";

        HtmlArticle article = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html));

        assertThat(article.text()).startsWith(SECOND);
    }

    @Test
    void oneMegabyteParagraphCompletes() {
        String html = "<html><body><p>" + "word ".repeat(200_000) + "</p></body></html>";

        HtmlArticle article = assertTimeoutPreemptively(HANG_GUARD, () -> extractor.extract(html));

        assertThat(article.text()).hasSize(999_999);
    }

    @Test
    void oversizedBlankAndChromeOnlyPagesAreRejected() {
        HtmlArticleExtractor small = new HtmlArticleExtractor(new ScrapedTextCleaner(), new TimestampParser(), 100);

        assertThatThrownBy(() -> small.extract("<p>" + "x".repeat(200) + "</p>"))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.TOO_LARGE));
        assertThatThrownBy(() -> extractor.extract("  "))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.EMPTY));
        assertThatThrownBy(() -> extractor.extract("<html><body><nav>Home</nav><script>x()</script></body></html>"))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.NO_ARTICLE_TEXT));
        assertThatThrownBy(() -> extractor.extract("<html><body><p>Share</p><p>Advertisement</p></body></html>"))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.NO_ARTICLE_TEXT));
    }
}
