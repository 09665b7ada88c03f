package io.sitrep.ingest.pipeline;

import java.util.Locale;
import java.util.Set;

/**
 * Context-free tests that recognise a single line as page chrome. Rules that need neighbouring lines
 * (captions above a credit, repeated blocks, trailing teasers) live in {@link ScrapedTextCleaner}.
 *
 * <p>Every rule applies only to short lines: article paragraphs are long, chrome is short, and a length cap
 * is the cheapest protection against dropping a real sentence that happens to contain a trigger phrase.
 */
final class ChromeLineRules {

    /** No chrome line we know of is longer; anything longer is kept. */
    static final int MAX_CHROME_LENGTH = 300;

    private static final Set<String> NAVIGATION = Set.of(
            "connect with us", "hi what are you looking for", "what are you looking for", "search",
            "search for", "type to search", "press enter to search", "type your search", "menu", "main menu",
            "skip to content", "skip to main content", "skip navigation", "home", "sign in", "log in", "login",
            "register", "my account", "back to top", "toggle navigation", "open menu", "close menu", "close",
            "previous article", "next article", "previous post", "next post", "related articles",
            "related stories", "related posts", "related", "you may also like", "you might also like",
            "more stories", "more news", "trending", "trending now", "most read", "most popular", "latest news",
            "latest stories", "read more", "see also", "tags", "topics", "top stories", "watch live", "live tv",
            "newsletters", "sections", "advertise with us", "contact us", "about us", "privacy policy",
            "terms of use", "terms of service", "terms and conditions", "cookie policy", "all rights reserved",
            "follow us", "editor s picks", "recommended", "recommended for you", "don t miss", "up next");

    private static final Set<String> ADVERTISEMENT = Set.of(
            "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
            "paid content", "paid post", "promoted", "promoted content", "story continues below advertisement",
            "article continues below advertisement", "continue reading below", "scroll to continue with content",
            "scroll down to continue reading", "remove ads", "ad feedback", "report this ad", "partner content");

    private static final Set<String> LOADING = Set.of(
            "loading", "please wait", "loading comments", "loading video", "loading content");

    /** A line made only of these words is a row of share buttons ("Share Facebook Twitter Copy link"). */
    private static final Set<String> SHARE_WORDS = Set.of(
            "share", "shares", "sharing", "this", "article", "story", "page", "on", "via", "facebook", "twitter",
            "x", "linkedin", "whatsapp", "telegram", "email", "e", "mail", "print", "copy", "copied", "link",
            "url", "reddit", "pinterest", "tweet", "flipboard", "messenger", "vk", "viber", "comments",
            "comment", "save", "bookmark", "gift", "listen", "to", "the", "font", "size", "text");

    /** Lines starting with one of these (case-insensitive) point to another article. */
    private static final String[] TEASER_PREFIXES = {
            "more:", "read more:", "read also:", "also read:", "see also:", "related:", "watch:", "recommended:",
            "read next:", "listen:", "more on this:", "don't miss:", "don’t miss:", "trending:", "also see:",
            "read:", "video:", "must read:"};

    /** Phrase keys (see {@link #phraseKey}) that start a call to action. */
    private static final String[] CALL_TO_ACTION_PREFIXES = {
            "for more updates", "for more news", "for the latest updates", "for the latest news",
            "follow our live", "follow us on", "follow the latest", "download our app", "download the app",
            "get the app", "for our live updates", "for live updates", "join our telegram", "join us on"};

    private static final String[] SUBSCRIBE_PREFIXES = {
            "subscribe", "sign up for", "sign up to", "get our newsletter", "already a subscriber",
            "become a member", "become a subscriber", "support our journalism", "register to read",
            "create a free account", "get the latest news delivered", "enter your email", "unlock this article"};

    private static final String[] CREDIT_MARKERS = {
            "image credit", "photo credit", "photograph:", "picture:", "credit:", "(photo", "ap photo",
            "getty images", "shutterstock", "via reuters", "reuters/", "/reuters", "afp via", "/afp",
            "photo by ", "image:", "photo:", "© "};

    private ChromeLineRules() {
    }

    /** The chrome category of {@code line} (already trimmed), or {@code null} if it may be article text. */
    static RemovalReason classify(String line) {
        if (line.isEmpty() || line.length() > MAX_CHROME_LENGTH) {
            return null;
        }
        String key = phraseKey(line);
        if (key.isEmpty()) {
            return null; // no letters or digits: handled by the cleaner (stray quotes are merged, not dropped)
        }
        if (LOADING.contains(key)) {
            return RemovalReason.LOADING_PLACEHOLDER;
        }
        if (ADVERTISEMENT.contains(key)) {
            return RemovalReason.ADVERTISEMENT;
        }
        if (NAVIGATION.contains(key)) {
            return RemovalReason.NAVIGATION;
        }
        if (isShareRow(key)) {
            return RemovalReason.SHARE_WIDGET;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        for (String prefix : TEASER_PREFIXES) {
            if (lower.startsWith(prefix)) {
                return RemovalReason.TEASER_LINK;
            }
        }
        for (String prefix : CALL_TO_ACTION_PREFIXES) {
            if (key.startsWith(prefix)) {
                return RemovalReason.CALL_TO_ACTION;
            }
        }
        if (key.contains("click here") || key.contains("tap here")) {
            return RemovalReason.CALL_TO_ACTION;
        }
        if (isCookieOrSubscribe(key)) {
            return RemovalReason.COOKIE_OR_SUBSCRIBE;
        }
        if (AgencyNames.isCreditLine(line)) {
            return RemovalReason.IMAGE_CREDIT;
        }
        for (String marker : CREDIT_MARKERS) {
            if (lower.contains(marker)) {
                return RemovalReason.IMAGE_CREDIT;
            }
        }
        if (lower.startsWith("©") || lower.startsWith("copyright ©") || lower.startsWith("(c) ")) {
            return RemovalReason.NAVIGATION;
        }
        return null;
    }

    /** "Written by", "About the author": the lines that announce an author biography. */
    static boolean isAuthorBlockMarker(String line) {
        String key = phraseKey(line);
        return key.equals("written by") || key.equals("about the author") || key.equals("about the authors")
                || key.equals("author") || key.equals("authors") || key.equals("more from this author")
                || key.equals("author bio") || key.equals("about the writer");
    }

    private static boolean isShareRow(String key) {
        String[] words = key.split(" ");
        if (words.length > 12) {
            return false;
        }
        boolean hasPlatformOrVerb = false;
        for (String word : words) {
            if (!SHARE_WORDS.contains(word)) {
                return false;
            }
            if (!word.equals("this") && !word.equals("on") && !word.equals("via") && !word.equals("to")
                    && !word.equals("the") && !word.equals("article") && !word.equals("story")
                    && !word.equals("page") && !word.equals("text")) {
                hasPlatformOrVerb = true;
            }
        }
        return hasPlatformOrVerb;
    }

    private static boolean isCookieOrSubscribe(String key) {
        if (key.length() > 200) {
            return false;
        }
        if (key.contains("cookie") && (key.contains("we use") || key.contains("accept") || key.contains("consent")
                || key.contains("policy") || key.contains("settings") || key.contains("preferences"))) {
            return true;
        }
        if (key.equals("accept all") || key.equals("reject all") || key.equals("manage preferences")
                || key.equals("accept") || key.equals("i agree") || key.equals("manage cookies")) {
            return true;
        }
        for (String prefix : SUBSCRIBE_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return key.contains("newsletter") && (key.contains("sign up") || key.contains("subscribe")
                || key.contains("inbox"));
    }

    /**
     * Lower-cased letters and digits with every other run of characters collapsed to one space, trimmed:
     * "Hi, what are you looking for?" and "hi what are you looking for" compare equal, as do straight and
     * curly apostrophes. Linear; used for all line comparisons.
     */
    static String phraseKey(String line) {
        StringBuilder key = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && key.length() > 0) {
                    key.append(' ');
                }
                pendingSpace = false;
                key.append(Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return key.toString();
    }
}
