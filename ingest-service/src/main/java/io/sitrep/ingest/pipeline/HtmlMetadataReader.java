package io.sitrep.ingest.pipeline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads title, byline and publication time from a parsed page's metadata, each from a fixed list of
 * sources tried in order of reliability.
 */
final class HtmlMetadataReader {

    private static final int MAX_TITLE_LENGTH = 300;
    private static final int MAX_BYLINE_LENGTH = 120;
    private static final int MAX_JSON_LD_BLOCKS = 10;
    /**
     * Byline candidates examined per source. Each costs a text() of its subtree, so without a cap a page of
     * thousands of nested byline-classed elements would take quadratic time.
     */
    private static final int MAX_BYLINE_CANDIDATES = 5;
    private static final Set<String> BYLINE_CLASS_TOKENS = Set.of(
            "byline", "author", "author-name", "authorname", "byline-name", "article-author", "byline__name");
    private static final String[] TITLE_SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · "};

    /** Meta tags holding a publication time, most specific first. */
    private static final List<String> PUBLISHED_META_SELECTORS = List.of(
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[property=og:published_time]", "meta[name=pubdate]",
            "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=date]", "meta[name=dc.date]",
            "meta[name=dc.date.issued]", "meta[name=dcterms.created]", "meta[name=sailthru.date]",
            "meta[name=parsely-pub-date]");

    private final TimestampParser timestampParser;

    HtmlMetadataReader(TimestampParser timestampParser) {
        this.timestampParser = timestampParser;
    }

    /** og:title, then &lt;title&gt; without a trailing " | Site Name", then the first &lt;h1&gt;. */
    String title(Document doc) {
        String og = metaContent(doc, "meta[property=og:title], meta[name=og:title]");
        if (og != null) {
            return og;
        }
        String title = clean(doc.title(), MAX_TITLE_LENGTH);
        if (title != null) {
            return stripSiteSuffix(title, metaContent(doc, "meta[property=og:site_name]"));
        }
        Element h1 = doc.selectFirst("h1");
        return h1 == null ? null : clean(h1.text(), MAX_TITLE_LENGTH);
    }

    /** meta author, article:author, rel=author, itemprop=author, a byline-classed element, JSON-LD author. */
    String byline(Document doc) {
        for (Element meta : doc.select("meta[name=author], meta[property=article:author]")) {
            String value = cleanByline(meta.attr("content"));
            if (value != null && !looksLikeUrlOrHandle(value)) {
                return value;
            }
        }
        for (Element element : doc.select("[rel~=(?i)\\bauthor\\b], [itemprop=author]").stream()
                .limit(MAX_BYLINE_CANDIDATES).toList()) {
            Element name = element.selectFirst("[itemprop=name]");
            Element source = name != null ? name : element;
            String value = cleanByline(source.hasAttr("content") ? source.attr("content") : source.text());
            if (value != null && !looksLikeUrlOrHandle(value)) {
                return value;
            }
        }
        int examined = 0;
        for (Element element : doc.getAllElements()) {
            if (hasClassToken(element, BYLINE_CLASS_TOKENS)) {
                String value = cleanByline(element.text());
                if (value != null) {
                    return value;
                }
                if (++examined >= MAX_BYLINE_CANDIDATES) {
                    break;
                }
            }
        }
        for (String json : jsonLdBlocks(doc)) {
            String value = cleanByline(JsonLdFields.authorName(json));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** article:published_time and similar meta tags, then &lt;time datetime&gt;, then JSON-LD datePublished. */
    DateValue publishedTime(Document doc) {
        for (String selector : PUBLISHED_META_SELECTORS) {
            for (Element meta : doc.select(selector)) {
                Optional<DateValue> value = timestampParser.parse(meta.attr("content"));
                if (value.isPresent()) {
                    return value.get();
                }
            }
        }
        for (String selector : List.of("article time[datetime]", "time[pubdate][datetime]",
                "[itemprop=datePublished][datetime]", "time[datetime]")) {
            Element time = doc.selectFirst(selector);
            if (time != null) {
                Optional<DateValue> value = timestampParser.parse(time.attr("datetime"));
                if (value.isPresent()) {
                    return value.get();
                }
            }
        }
        for (String json : jsonLdBlocks(doc)) {
            Optional<DateValue> value = timestampParser.parse(JsonLdFields.stringValue(json, "datePublished"));
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    static boolean hasClassToken(Element element, Set<String> tokens) {
        String classes = element.className();
        if (classes.isEmpty()) {
            return false;
        }
        for (String token : classes.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (tokens.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> jsonLdBlocks(Document doc) {
        return doc.select("script[type=application/ld+json]").stream()
                .limit(MAX_JSON_LD_BLOCKS)
                .map(Element::data)
                .toList();
    }

    private static String metaContent(Document doc, String selector) {
        Element meta = doc.selectFirst(selector);
        return meta == null ? null : clean(meta.attr("content"), MAX_TITLE_LENGTH);
    }

    /** "Headline | Site" → "Headline"; other separators only when the suffix is the known site name. */
    static String stripSiteSuffix(String title, String siteName) {
        for (String separator : TITLE_SEPARATORS) {
            int at = title.lastIndexOf(separator);
            if (at <= 0) {
                continue;
            }
            String suffix = title.substring(at + separator.length()).strip();
            boolean isSiteName = siteName != null && suffix.equalsIgnoreCase(siteName.strip());
            if (isSiteName || separator.equals(" | ")) {
                return title.substring(0, at).strip();
            }
        }
        return title;
    }

    private static String cleanByline(String raw) {
        String value = clean(raw, 500);
        if (value == null) {
            return null;
        }
        if (value.regionMatches(true, 0, "by ", 0, 3)) {
            value = value.substring(3).strip();
        }
        int bar = value.indexOf('|');
        if (bar >= 0) {
            value = value.substring(0, bar).strip();
        }
        while (value.endsWith(",")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        return value.isEmpty() || value.length() > MAX_BYLINE_LENGTH ? null : value;
    }

    private static boolean looksLikeUrlOrHandle(String value) {
        return value.contains("://") || value.startsWith("www.") || value.startsWith("@");
    }

    /** Collapses whitespace; null when blank or longer than {@code max}. */
    private static String clean(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String value = Paragraph.trim(raw.replaceAll("[\\s\\u00A0]+", " "));
        return value.isEmpty() || value.length() > max ? null : value;
    }
}
