package io.sitrep.query;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builders for invented test documents; offsets are computed from the text, never typed by hand. */
final class Fixtures {

    private Fixtures() {
    }

    static int sentenceOf(String text, int offset) {
        int n = 0;
        for (int i = 0; i < offset - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                n++;
            }
        }
        return n;
    }

    /** Every occurrence of each surface, longest surfaces claimed first, no overlaps. */
    static Map<String, Object> entity(long id, String name, String type, String text, List<String> aliases,
            Double salience, String... surfaces) {
        List<int[]> taken = new ArrayList<>();
        List<Map<String, Object>> mentions = new ArrayList<>();
        List<String> sorted = new ArrayList<>(List.of(surfaces));
        sorted.sort((a, b) -> b.length() - a.length());
        for (String s : sorted) {
            int from = 0;
            while (true) {
                int at = text.indexOf(s, from);
                if (at < 0) {
                    break;
                }
                int end = at + s.length();
                from = at + 1;
                boolean overlaps = taken.stream().anyMatch(t -> at < t[1] && end > t[0]);
                if (!overlaps) {
                    taken.add(new int[] {at, end});
                    mentions.add(Map.of("start", at, "end", end, "text", s, "sentence", sentenceOf(text, at)));
                }
            }
        }
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("no mention of " + name);
        }
        Map<String, Object> e = new HashMap<>();
        e.put("entityId", id);
        e.put("name", name);
        e.put("type", type);
        e.put("mentions", mentions);
        if (aliases != null) {
            e.put("aliases", aliases);
        }
        if (salience != null) {
            e.put("salience", salience);
        }
        return e;
    }

    static Map<String, Object> span(String text, String part) {
        int at = text.indexOf(part);
        if (at < 0) {
            throw new IllegalArgumentException(part);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", at);
        m.put("end", at + part.length());
        return m;
    }

    static Map<String, Object> role(String text, long entityId, String title, String organisation, String part) {
        Map<String, Object> m = span(text, part);
        m.put("entityId", entityId);
        m.put("title", title);
        m.put("organisation", organisation);
        return m;
    }

    static Map<String, Object> quote(String text, Long speaker, String speakerName, String verb, String quoted) {
        Map<String, Object> m = span(text, quoted);
        m.put("speakerEntityId", speaker);
        m.put("speakerName", speakerName);
        m.put("verb", verb);
        m.put("text", quoted);
        return m;
    }

    static Map<String, Object> date(String text, String part, String iso) {
        Map<String, Object> m = span(text, part);
        m.put("date", iso);
        m.put("rule", "test");
        return m;
    }

    static Map<String, Object> segment(String text, int ordinal, String headline, String body, String occurredAt) {
        Map<String, Object> m = span(text, body);
        m.put("ordinal", ordinal);
        m.put("headline", headline);
        m.put("occurredAt", occurredAt);
        return m;
    }

    /** A document PUT body (extraction version 1); add segments, roles, quotes, dates to the map as needed. */
    static Map<String, Object> document(UUID id, String title, String text, String source, String language,
            String publishedAt, List<Map<String, Object>> entities) {
        Map<String, Object> d = new HashMap<>();
        d.put("articleId", id.toString());
        d.put("extractionVersion", 1);
        d.put("title", title);
        d.put("text", text);
        d.put("source", source);
        d.put("language", language);
        d.put("publishedAt", publishedAt);
        d.put("entities", entities);
        return d;
    }

    static int put(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().put(path).then().extract().statusCode();
    }
}
