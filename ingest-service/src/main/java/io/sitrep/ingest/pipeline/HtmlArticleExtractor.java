package io.sitrep.ingest.pipeline;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Extracts an article from a whole HTML page: metadata (title, byline, publication time) from the head
 * and markup, main text from the content element with page furniture removed, then the same line-level
 * cleaning as scraped text ({@link ScrapedTextCleaner}).
 *
 * <p>Content element: the largest {@code [itemprop=articleBody]}, else the largest {@code <article>}, else
 * {@code <main>} / {@code [role=main]}, else {@code <body>}. Inside it, navigation, headers, footers, asides,
 * scripts, forms, figures (with their captions), hidden elements, date stamps ({@code <time>} standing
 * alone) and elements whose class or id names a
 * widget (share, social, newsletter, related, ad, comments ...) are removed, unless such an element holds
 * most of the content's text, which means the class was on a wrapper, not on a widget.
 *
 * <p>Safety: input longer than {@link #DEFAULT_MAX_HTML_CHARS} is rejected before parsing, so parse time is
 * bounded; jsoup's parser and every traversal here are iterative, so pathological nesting (thousands of
 * nested {@code <div>}) costs linear time and no stack.
 */
public final class HtmlArticleExtractor {

    public static final int DEFAULT_MAX_HTML_CHARS = 5_000_000;
    /** A widget-classed element holding at least this share of the content's text is a wrapper; keep it. */
    private static final double WRAPPER_TEXT_SHARE = 0.5;
    private static final int MAX_ROOT_CANDIDATES = 20;

    /** Elements that never hold article text, removed whatever their size. */
    private static final Set<String> ALWAYS_REMOVED_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "button", "select", "input",
            "textarea", "audio", "video", "picture", "object", "embed", "map", "dialog");
    /** Page furniture, removed unless it wraps most of the text (ASP.NET pages wrap everything in a form). */
    private static final Set<String> FURNITURE_TAGS = Set.of(
            "nav", "header", "footer", "aside", "form", "figure", "figcaption", "menu");
    private static final Set<String> FURNITURE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu");
    /** Class / id tokens (split on non-alphanumerics) that name a widget rather than content. */
    private static final Set<String> WIDGET_TOKENS = Set.of(
            "share", "sharing", "sharebar", "social", "socials", "newsletter", "subscribe", "subscription",
            "cookie", "cookies", "consent", "gdpr", "related", "recommended", "recommendations", "promo",
            "promotion", "advert", "advertisement", "ads", "ad", "adsense", "banner", "comments", "comment",
            "breadcrumb", "breadcrumbs", "sidebar", "popup", "modal", "outbrain", "taboola", "recirculation",
            "sponsored", "caption", "credit", "credits", "byline", "author", "bio", "tags", "toolbar", "widget",
            "menu", "nav", "navbar", "navigation", "masthead", "footer", "paywall", "login", "signup", "skip",
            "print", "disclaimer", "trending", "mostread");

    private final ScrapedTextCleaner cleaner;
    private final HtmlMetadataReader metadataReader;
    private final HtmlTextRenderer renderer;
    private final int maxHtmlChars;

    public HtmlArticleExtractor() {
        this(new ScrapedTextCleaner(), new TimestampParser(), DEFAULT_MAX_HTML_CHARS);
    }

    public HtmlArticleExtractor(ScrapedTextCleaner cleaner, TimestampParser timestampParser, int maxHtmlChars) {
        this.cleaner = cleaner;
        this.metadataReader = new HtmlMetadataReader(timestampParser);
        this.renderer = new HtmlTextRenderer();
        this.maxHtmlChars = maxHtmlChars;
    }

    /**
     * @throws RejectedInputException {@code empty} for a blank page, {@code too-large} over the size limit,
     *                                {@code no-article-text} when nothing but chrome is left
     */
    public HtmlArticle extract(String html) {
        if (html == null || html.isBlank()) {
            throw new RejectedInputException(RejectedInputException.EMPTY, "no HTML");
        }
        if (html.length() > maxHtmlChars) {
            throw new RejectedInputException(RejectedInputException.TOO_LARGE,
                    "HTML is longer than " + maxHtmlChars + " characters");
        }
        Document doc = Jsoup.parse(html);
        // Character references and JSON-LD escapes are decoded after the sanitizer ran: strip again.
        String title = decodedText(metadataReader.title(doc));
        String byline = decodedText(metadataReader.byline(doc));
        DateValue published = metadataReader.publishedTime(doc);

        Element root = contentRoot(doc);
        removeFurniture(root);
        String rendered = InputSanitizer.stripControls(renderer.render(root));
        if (rendered.isBlank()) {
            throw new RejectedInputException(RejectedInputException.NO_ARTICLE_TEXT, "the page has no text content");
        }
        CleanedText cleaned = cleaner.clean(rendered, title);
        return new HtmlArticle(
                title != null ? title : cleaned.title(),
                byline != null ? byline : cleaned.byline(),
                published, cleaned.text(), rendered, cleaned.removedLines());
    }

    private static String decodedText(String value) {
        String stripped = InputSanitizer.stripControls(value);
        return stripped == null || stripped.isBlank() ? null : stripped;
    }

    private static Element contentRoot(Document doc) {
        for (String selector : new String[] {"[itemprop=articleBody]", "article", "main, [role=main]"}) {
            Element best = largestByText(doc.select(selector));
            if (best != null) {
                return best;
            }
        }
        return doc.body() != null ? doc.body() : doc;
    }

    private static Element largestByText(Elements candidates) {
        Element best = null;
        int bestLength = 0;
        int examined = 0;
        for (Element candidate : candidates) {
            if (++examined > MAX_ROOT_CANDIDATES) {
                break;
            }
            int length = candidate.text().length();
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best;
    }

    private static void removeFurniture(Element root) {
        Map<Node, Integer> textLengths = textLengths(root);
        int rootLength = textLengths.getOrDefault(root, 0);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == root || !(node instanceof Element element)) {
                    return FilterResult.CONTINUE;
                }
                String tag = element.normalName();
                if (ALWAYS_REMOVED_TAGS.contains(tag) || isHidden(element) || isStandaloneTime(element)) {
                    return FilterResult.REMOVE;
                }
                boolean furniture = FURNITURE_TAGS.contains(tag)
                        || FURNITURE_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))
                        || hasWidgetToken(element.className()) || hasWidgetToken(element.id());
                if (furniture && textLengths.getOrDefault(element, 0) < rootLength * WRAPPER_TEXT_SHARE) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    /** Text length of every element under {@code root}, computed bottom-up in one iterative pass. */
    private static Map<Node, Integer> textLengths(Element root) {
        Map<Node, Integer> lengths = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                int own = node instanceof TextNode text ? text.getWholeText().length() : lengths.getOrDefault(node, 0);
                Node parent = node.parentNode();
                if (node != root && parent != null && own > 0) {
                    lengths.merge(parent, own, Integer::sum);
                }
            }
        }, root);
        return lengths;
    }

    /**
     * A {@code <time>} with no text beside it is the page's date stamp, already read as metadata; a
     * {@code <time>} inside a sentence ("on <time>June 4</time> the council ...") is article text and stays.
     */
    private static boolean isStandaloneTime(Element element) {
        return element.normalName().equals("time")
                && !isNonBlankText(element.previousSibling()) && !isNonBlankText(element.nextSibling());
    }

    private static boolean isNonBlankText(Node node) {
        return node instanceof TextNode text && !text.isBlank();
    }

    private static boolean isHidden(Element element) {
        if (element.hasAttr("hidden") || "true".equalsIgnoreCase(element.attr("aria-hidden"))) {
            return true;
        }
        String style = element.attr("style");
        return !style.isEmpty() && style.replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }

    private static boolean hasWidgetToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean alphanumeric = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (alphanumeric && start < 0) {
                start = i;
            } else if (!alphanumeric && start >= 0) {
                if (WIDGET_TOKENS.contains(lower.substring(start, i))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }
}
