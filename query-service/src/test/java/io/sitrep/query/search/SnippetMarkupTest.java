package io.sitrep.query.search;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetMarkupTest {

    @Test
    void escapesTextAndTurnsMatchMarkersIntoMarks() {
        assertThat(SnippetMarkup.toHtml("a <b> & \"c\" 'd' \u0002hit\u0003\n"))
                .isEqualTo("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; <mark>hit</mark>");
    }

    @Test
    void marksEntityMentionsAtWordBoundariesLongestFirst() {
        String html = SnippetMarkup.toHtml("Ada Quill met Ada in Adaville.", Map.of("Ada Quill", 8L, "Ada", 9L));
        assertThat(html).isEqualTo("<mark class=\"entity\" data-entity-id=\"8\">Ada Quill</mark> met "
                + "<mark class=\"entity\" data-entity-id=\"9\">Ada</mark> in Adaville.");
    }

    @Test
    void overlappingMatchAndMentionStayWellNested() {
        String html = SnippetMarkup.toHtml("the \u0002Port\u0003 Elwin ferry", Map.of("Port Elwin", 7L));
        assertThat(html).isEqualTo("the <mark class=\"entity\" data-entity-id=\"7\"><mark>Port</mark> Elwin</mark> ferry");
        String across = SnippetMarkup.toHtml("go \u0002to Port\u0003 Elwin", Map.of("Port Elwin", 7L));
        assertThat(across).isEqualTo("go <mark>to </mark><mark class=\"entity\" data-entity-id=\"7\"><mark>Port</mark>"
                + " Elwin</mark>");
    }

    @Test
    void surfacesWithMarkupAreEscapedToo() {
        assertThat(SnippetMarkup.toHtml("x <A&B> y", Map.of("<A&B>", 3L)))
                .isEqualTo("x <mark class=\"entity\" data-entity-id=\"3\">&lt;A&amp;B&gt;</mark> y");
    }
}
