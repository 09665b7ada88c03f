package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Invented pages from an invented outlet, "The Daily Lantern", exercising the chrome patterns of real scrapes. */
class ScrapedTextCleanerTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private static final String LEAD = "MARROWFIELD (Lantern Wire) - The temporary flood barrier along the Marrow "
            + "river held overnight as water reached its highest level since records began, city engineers said.";
    private static final String SECOND = "Residents of the lower town were told to stay on upper floors while crews "
            + "reinforced the barrier with sandbags and steel plates.";
    private static final String QUOTE = "\"We have never seen the river this high, and we are watching every metre "
            + "of the wall,\" the chief engineer said.";

    private static final String PAGE = String.join("\n",
            "Connect with us",
            "",
            "Hi, what are you looking for?",
            "",
            "World",
            "",
            "Flood Barrier Holds as River Reaches Record Height in Marrowfield",
            "",
            "By Jane Doe",
            "",
            "Advertisement",
            "",
            LEAD + "\u00A0",
            "",
            SECOND,
            "",
            "Engineers inspect the flood barrier in Marrowfield on Tuesday.",
            "Reuters",
            "",
            "Engineers inspect the flood barrier in Marrowfield on Tuesday.",
            "",
            "Share",
            "Facebook",
            "Twitter",
            "Copy link",
            "",
            QUOTE,
            "",
            "Loading...",
            "",
            "MORE: Ten Bridges That Changed the Way We Travel",
            "",
            "For more updates, click here.",
            "",
            "We use cookies to improve your experience. Accept all",
            "",
            "Subscribe to our newsletter",
            "",
            "Jane Doe is the Lantern's environment correspondent. She has covered floods on three continents.",
            "",
            "Written By",
            "",
            "Jane Doe is the Lantern’s environment correspondent. She has covered floods on three continents.",
            "",
            "Advertisement",
            "",
            "Canal Walk");

    private final ScrapedTextCleaner cleaner = new ScrapedTextCleaner();

    @Test
    void keepsExactlyTheArticleParagraphs() {
        CleanedText cleaned = cleaner.clean(PAGE);

        assertThat(cleaned.text()).isEqualTo(LEAD + "\n\n" + SECOND + "\n\n" + QUOTE);
    }

    @Test
    void extractsTitleAndByline() {
        CleanedText cleaned = cleaner.clean(PAGE);

        assertThat(cleaned.title()).isEqualTo("Flood Barrier Holds as River Reaches Record Height in Marrowfield");
        assertThat(cleaned.byline()).isEqualTo("Jane Doe");
    }

    @Test
    void reportsEveryRemovedLineWithItsReasonAndPosition() {
        CleanedText cleaned = cleaner.clean(PAGE);

        assertThat(cleaned.removedLines()).extracting(RemovedLine::text, RemovedLine::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Connect with us", RemovalReason.NAVIGATION),
                org.assertj.core.groups.Tuple.tuple("Hi, what are you looking for?", RemovalReason.NAVIGATION),
                org.assertj.core.groups.Tuple.tuple("World", RemovalReason.SECTION_LABEL),
                org.assertj.core.groups.Tuple.tuple(cleaned.title(), RemovalReason.TITLE),
                org.assertj.core.groups.Tuple.tuple("By Jane Doe", RemovalReason.BYLINE),
                org.assertj.core.groups.Tuple.tuple("Advertisement", RemovalReason.ADVERTISEMENT),
                org.assertj.core.groups.Tuple.tuple("Engineers inspect the flood barrier in Marrowfield on Tuesday.",
                        RemovalReason.IMAGE_CAPTION),
                org.assertj.core.groups.Tuple.tuple("Reuters", RemovalReason.IMAGE_CREDIT),
                org.assertj.core.groups.Tuple.tuple("Engineers inspect the flood barrier in Marrowfield on Tuesday.",
                        RemovalReason.IMAGE_CAPTION),
                org.assertj.core.groups.Tuple.tuple("Share", RemovalReason.SHARE_WIDGET),
                org.assertj.core.groups.Tuple.tuple("Facebook", RemovalReason.SHARE_WIDGET),
                org.assertj.core.groups.Tuple.tuple("Twitter", RemovalReason.SHARE_WIDGET),
                org.assertj.core.groups.Tuple.tuple("Copy link", RemovalReason.SHARE_WIDGET),
                org.assertj.core.groups.Tuple.tuple("Loading...", RemovalReason.LOADING_PLACEHOLDER),
                org.assertj.core.groups.Tuple.tuple("MORE: Ten Bridges That Changed the Way We Travel",
                        RemovalReason.TEASER_LINK),
                org.assertj.core.groups.Tuple.tuple("For more updates, click here.", RemovalReason.CALL_TO_ACTION),
                org.assertj.core.groups.Tuple.tuple("We use cookies to improve your experience. Accept all",
                        RemovalReason.COOKIE_OR_SUBSCRIBE),
                org.assertj.core.groups.Tuple.tuple("Subscribe to our newsletter", RemovalReason.COOKIE_OR_SUBSCRIBE),
                org.assertj.core.groups.Tuple.tuple(
                        "Jane Doe is the Lantern's environment correspondent. She has covered floods on three continents.",
                        RemovalReason.AUTHOR_BIO),
                org.assertj.core.groups.Tuple.tuple("Written By", RemovalReason.AUTHOR_BIO),
                org.assertj.core.groups.Tuple.tuple(
                        "Jane Doe is the Lantern’s environment correspondent. She has covered floods on three continents.",
                        RemovalReason.AUTHOR_BIO),
                org.assertj.core.groups.Tuple.tuple("Advertisement", RemovalReason.ADVERTISEMENT),
                org.assertj.core.groups.Tuple.tuple("Canal Walk", RemovalReason.TRAILING_TEASER));
        for (RemovedLine line : cleaned.removedLines()) {
            assertThat(PAGE.substring(line.start(), line.end())).isEqualTo(line.text());
            assertThat(PAGE.split("\n", -1)[line.lineNumber() - 1]).contains(line.text());
        }
    }

    @Test
    void noTitleWhenTheTextStartsWithASentence() {
        CleanedText cleaned = cleaner.clean(SECOND + "\n" + QUOTE);

        assertThat(cleaned.title()).isNull();
        assertThat(cleaned.text()).isEqualTo(SECOND + "\n\n" + QUOTE);
    }

    @Test
    void dateLineIsNotMistakenForTheTitle() {
        CleanedText cleaned = cleaner.clean("Tuesday, June 4, 2024\n\n" + SECOND);

        assertThat(cleaned.title()).isNull();
        assertThat(cleaned.text()).startsWith("Tuesday, June 4, 2024");
    }

    @Test
    void knownTitleRemovesItsRepeatsAndIsNotGuessed() {
        String text = "Barrier holds\n\nBarrier Holds\n\n" + SECOND;

        CleanedText cleaned = cleaner.clean(text, "Barrier holds");

        assertThat(cleaned.title()).isEqualTo("Barrier holds");
        assertThat(cleaned.text()).isEqualTo(SECOND);
    }

    @Test
    void repeatedTitleAndStandfirstRepeatedAfterTheDatelineAreDropped() {
        String standfirst = "The temporary flood barrier along the Marrow river held overnight as water reached "
                + "its highest level since records began";
        String text = String.join("\n\n",
                "Flood Barrier Holds In Marrowfield - Engineers",
                "Flood Barrier Holds in Marrowfield - Engineers",
                standfirst,
                "MARROWFIELD (Lantern Wire - 4th June, 2024) " + standfirst + ", city engineers said.",
                SECOND);

        CleanedText cleaned = cleaner.clean(text);

        assertThat(cleaned.text()).startsWith("MARROWFIELD (Lantern Wire").endsWith(SECOND);
        assertThat(cleaned.removedLines()).extracting(RemovedLine::reason)
                .containsExactly(RemovalReason.TITLE, RemovalReason.TITLE, RemovalReason.DUPLICATE_LINE);
    }

    @Test
    void strayClosingQuoteIsJoinedToItsParagraph() {
        String text = "\"The wall will hold, I am sure of it.\n\n\"\n\n" + SECOND;

        CleanedText cleaned = cleaner.clean(text);

        assertThat(cleaned.text()).isEqualTo("\"The wall will hold, I am sure of it.\"\n\n" + SECOND);
        assertThat(cleaned.removedLines()).isEmpty();
    }

    @Test
    void lineWithoutTextIsDropped() {
        CleanedText cleaned = cleaner.clean(SECOND + "\n\n***\n\n" + QUOTE);

        assertThat(cleaned.text()).isEqualTo(SECOND + "\n\n" + QUOTE);
        assertThat(cleaned.removedLines()).extracting(RemovedLine::reason).containsExactly(RemovalReason.NO_TEXT);
    }

    @Test
    void sentencesThatMerelyMentionChromeWordsAreKept() {
        List<String> sentences = List.of(
                "By Friday, the water had fallen by almost a metre.",
                "Share prices of the construction firm rose after the barrier held.",
                "The council said more details would follow on Twitter.",
                "Advertisement boards along the river were swept away.",
                "Loading of sandbags continued through the night.");
        String text = String.join("\n\n", sentences);

        CleanedText cleaned = cleaner.clean(text);

        assertThat(cleaned.text()).isEqualTo(text);
        assertThat(cleaned.byline()).isNull();
    }

    @Test
    void bioShapedLastSentenceWithoutChromeAfterItIsKept() {
        String last = "Marta Kowal is the author of the new flood plan, which the council adopted in full.";

        CleanedText cleaned = cleaner.clean(SECOND + "\n\n" + last);

        assertThat(cleaned.text()).endsWith(last);
        assertThat(cleaned.byline()).isNull();
    }

    @Test
    void bioAmongTrailingChromeIsRemoved() {
        String bio = "Marta Kowal is a freelance journalist based in Marrowfield who writes about rivers.";

        CleanedText cleaned = cleaner.clean(SECOND + "\n\n" + bio + "\n\nAdvertisement");

        assertThat(cleaned.text()).isEqualTo(SECOND);
        assertThat(cleaned.byline()).isEqualTo("Marta Kowal");
    }

    @Test
    void shortFragmentDirectlyAfterTheArticleIsKept() {
        CleanedText cleaned = cleaner.clean(SECOND + "\n\nCanal Walk");

        assertThat(cleaned.text()).endsWith("Canal Walk");
    }

    @Test
    void bylineFormats() {
        assertThat(LineShapes.bylineName("By Jane Doe and John Roe")).isEqualTo("Jane Doe and John Roe");
        assertThat(LineShapes.bylineName("BY JANE DOE")).isEqualTo("JANE DOE");
        assertThat(LineShapes.bylineName("Author: Marta van der Berg")).isEqualTo("Marta van der Berg");
        assertThat(LineShapes.bylineName("By Jane Doe | The Daily Lantern")).isEqualTo("Jane Doe");
        assertThat(LineShapes.bylineName("By March 2024 the river had fallen.")).isNull();
        assertThat(LineShapes.bylineName("By the end of the week, crews left.")).isNull();
    }

    @Test
    void blankInputIsRejected() {
        assertThatThrownBy(() -> cleaner.clean(" \n\t\n"))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.EMPTY));
    }

    @Test
    void pageOfNothingButChromeIsRejected() {
        assertThatThrownBy(() -> cleaner.clean("Share\n\nAdvertisement\n\nLoading...\n\nCopy link"))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.NO_ARTICLE_TEXT));
    }

    @Test
    void oneMegabyteSingleLineCompletes() {
        String line = "word ".repeat(200_000);

        CleanedText cleaned = assertTimeoutPreemptively(HANG_GUARD, () -> cleaner.clean(line));

        assertThat(cleaned.text()).hasSize(line.length() - 1);
    }

    @Test
    void fiftyThousandChromeLinesComplete() {
        String text = "Share\n".repeat(50_000) + SECOND;

        CleanedText cleaned = assertTimeoutPreemptively(HANG_GUARD, () -> cleaner.clean(text));

        assertThat(cleaned.text()).isEqualTo(SECOND);
    }

    @Test
    void manyRepeatedLongLinesComplete() {
        String text = (SECOND + "\n").repeat(20_000) + ("a".repeat(999) + "\n" + "a".repeat(5_000) + "\n").repeat(50);

        CleanedText cleaned = assertTimeoutPreemptively(HANG_GUARD, () -> cleaner.clean(text));

        assertThat(cleaned.text()).startsWith(SECOND);
    }
}
