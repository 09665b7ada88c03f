package io.sitrep.entities.nlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextBlocksTest {

    @Test
    void paragraphsAndLiveBlogEntries() {
        String text = "Headline\n\nIntro text.\n \n2036 GMT — First entry\n\nBody one.\n\n09:40 - Second\n\nBody two.";
        TextBlocks b = TextBlocks.of(text);
        assertThat(b.paragraphs()).extracting(TextBlocks.Paragraph::entry).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(b.paragraphs()).extracting(TextBlocks.Paragraph::timeStamp)
                .containsExactly(null, null, "2036 GMT", null, "09:40", null);
        assertThat(b.entryStart(text.indexOf("Body one"))).isEqualTo(text.indexOf("2036"));
        assertThat(b.entryStart(text.indexOf("Intro"))).isZero();
        TextBlocks.Paragraph intro = b.paragraphs().get(1);
        assertThat(text.substring(intro.start(), intro.end())).isEqualTo("Intro text.");
    }

    @Test
    void numbersThatAreNotTimeStamps() {
        assertThat(TextBlocks.timeStamp("2023 was a hard year", 0, 20)).isNull();
        assertThat(TextBlocks.timeStamp("120-day deal", 0, 12)).isNull();
        assertThat(TextBlocks.timeStamp("12345 — x", 0, 9)).isNull();
        assertThat(TextBlocks.timeStamp("1030-strong unit", 0, 16)).isNull();
        assertThat(TextBlocks.timeStamp("8:15 pm: x", 0, 10)).isEqualTo("8:15 pm");
        assertThat(TextBlocks.timeStamp("940 GMT — x", 0, 11)).isEqualTo("940 GMT");
    }
}
