package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline on the five real seed articles, read from shared/corpus/seeds. */
class SeedArticlesTest {

    private final InputSanitizer sanitizer = new InputSanitizer();
    private final ScrapedTextCleaner cleaner = new ScrapedTextCleaner();

    private CleanedText clean(String number) {
        return cleaner.clean(sanitizer.decodeUtf8(SeedCorpus.bytes(number)));
    }

    private static List<String> paragraphs(String cleanText) {
        return Paragraph.split(cleanText).stream().map(Paragraph::text).toList();
    }

    @Nested
    class Seed001PageChrome {

        private static final Set<String> GENERIC_CHROME = Set.of(
                "Connect with us", "Hi, what are you looking for?", "Advertisement", "Written By");

        /** Chrome lines of the seed, found by generic markers; the bios are the blocks around "Written By". */
        private List<String> chromeLines(List<String> lines) {
            List<String> chrome = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (GENERIC_CHROME.contains(line) || line.startsWith("MORE:") || line.contains("Image Credit")) {
                    chrome.add(line);
                }
                if (line.equals("Written By")) {
                    chrome.add(lines.get(i - 1));
                    chrome.add(lines.get(i + 1));
                }
            }
            return chrome;
        }

        @Test
        void noChromeLineSurvives() {
            List<String> lines = SeedCorpus.nonBlankLines("001");
            List<String> chrome = chromeLines(lines);
            assertThat(chrome).hasSizeGreaterThanOrEqualTo(9);

            CleanedText cleaned = clean("001");

            List<String> kept = paragraphs(cleaned.text());
            for (String line : chrome) {
                assertThat(kept).doesNotContain(line);
                assertThat(cleaned.text()).doesNotContain(line.substring(0, Math.min(50, line.length())));
            }
            assertThat(cleaned.text()).doesNotContain("MORE:", "Image Credit", "Advertisement", "Connect with us");
        }

        @Test
        void everyBodyParagraphSurvives() {
            List<String> lines = SeedCorpus.nonBlankLines("001");
            Set<String> chrome = new HashSet<>(chromeLines(lines));
            List<String> body = lines.stream().filter(line -> line.length() > 120 && !chrome.contains(line)).toList();
            assertThat(body).hasSizeGreaterThanOrEqualTo(8);

            CleanedText cleaned = clean("001");

            assertThat(paragraphs(cleaned.text())).containsAll(body);
        }

        @Test
        void titleAndAuthorComeFromTheTextNotTheChrome() {
            List<String> lines = SeedCorpus.nonBlankLines("001");
            String bio = lines.get(lines.indexOf("Written By") + 1);
            String authorName = bio.substring(0, bio.indexOf(" is "));

            CleanedText cleaned = clean("001");

            assertThat(cleaned.title()).startsWith("Bakhmut").doesNotEndWith(".");
            assertThat(cleaned.byline()).isEqualTo(authorName);
            assertThat(cleaned.removedLines()).extracting(RemovedLine::reason)
                    .contains(RemovalReason.NAVIGATION, RemovalReason.TEASER_LINK, RemovalReason.AUTHOR_BIO,
                            RemovalReason.ADVERTISEMENT, RemovalReason.IMAGE_CREDIT, RemovalReason.TITLE);
        }
    }

    @Nested
    class Seed002LiveBlog {

        /** Read off the seed by hand: eleven entries on March 8, then 2300, 2300 and 2000 GMT on March 7. */
        private static final List<Instant> EXPECTED_ENTRY_TIMES = List.of(
                Instant.parse("2023-03-08T20:36:00Z"),
                Instant.parse("2023-03-08T19:00:00Z"),
                Instant.parse("2023-03-08T15:17:00Z"),
                Instant.parse("2023-03-08T13:35:00Z"),
                Instant.parse("2023-03-08T11:22:00Z"),
                Instant.parse("2023-03-08T09:40:00Z"),
                Instant.parse("2023-03-08T09:30:00Z"),
                Instant.parse("2023-03-08T08:09:00Z"),
                Instant.parse("2023-03-08T07:05:00Z"),
                Instant.parse("2023-03-08T07:00:00Z"),
                Instant.parse("2023-03-08T06:40:00Z"),
                Instant.parse("2023-03-07T23:00:00Z"),
                Instant.parse("2023-03-07T23:00:00Z"),
                Instant.parse("2023-03-07T20:00:00Z"));

        @Test
        void titleIsTheFirstLine() {
            assertThat(clean("002").title()).isEqualTo(SeedCorpus.nonBlankLines("002").get(0));
        }

        @Test
        void publicationDateComesFromTheDateLineInTheText() {
            CleanedText cleaned = clean("002");
            Dateline dateline = new DatelineParser().parse(cleaned.text()).orElse(null);

            PublicationDate date = new PublicationDateResolver().resolve(null, null, dateline, cleaned.text());

            assertThat(date.date()).isEqualTo(LocalDate.of(2023, 3, 8));
            assertThat(date.source()).isEqualTo(DateSource.TEXT);
        }

        @Test
        void splitsIntoFourteenEntriesWithUtcTimestamps() {
            CleanedText cleaned = clean("002");
            PublicationDate date = new PublicationDateResolver().resolve(null, null, null, cleaned.text());

            List<LiveBlogEntry> entries = new LiveBlogSplitter().split(cleaned.text(), date.date());

            assertThat(entries).hasSize(14);
            assertThat(entries).extracting(LiveBlogEntry::instant).containsExactlyElementsOf(EXPECTED_ENTRY_TIMES);
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.zone()).isEqualTo(ClockZone.GMT);
                assertThat(entry.headline()).isNotBlank();
                assertThat(entry.text()).isNotBlank();
                assertThat(cleaned.text().substring(entry.start(), entry.end()))
                        .startsWith(String.format("%02d%02d GMT", entry.clockTime().getHour(),
                                entry.clockTime().getMinute()))
                        .endsWith(entry.text());
            });
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).start()).isGreaterThan(entries.get(i - 1).end());
            }
        }

        @Test
        void chromeIsGoneFromTheCleanText() {
            String text = clean("002").text();

            assertThat(text).doesNotContain("Loading...", "For more updates", "Route 6", "click here");
            assertThat(paragraphs(text)).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Seed004Dateline {

        @Test
        void datelineGivesPlaceAgenciesAndDate() {
            CleanedText cleaned = clean("004");

            Dateline dateline = new DatelineParser().parse(cleaned.text()).orElseThrow();

            assertThat(dateline.place()).isEqualTo("Moscow");
            assertThat(dateline.agencies()).containsExactly("UrduPoint News", "Sputnik");
            assertThat(dateline.date()).isEqualTo(LocalDate.of(2023, 5, 22));
            assertThat(cleaned.text().substring(dateline.start(), dateline.end())).startsWith("MOSCOW (")
                    .endsWith(") ");
        }

        @Test
        void datelineIsAlsoFoundInTheRawText() {
            String raw = sanitizer.decodeUtf8(SeedCorpus.bytes("004"));

            Dateline dateline = new DatelineParser().parse(raw).orElseThrow();

            assertThat(dateline.place()).isEqualTo("Moscow");
            assertThat(raw.substring(dateline.start(), dateline.end())).startsWith("MOSCOW");
        }

        @Test
        void repeatedTitleAndStandfirstAreRemovedWithoutLosingASentence() {
            List<String> lines = SeedCorpus.nonBlankLines("004");
            CleanedText cleaned = clean("004");

            assertThat(cleaned.title()).isEqualTo(lines.get(0));
            assertThat(cleaned.text()).doesNotContain(lines.get(0)).doesNotContain(lines.get(1));
            assertThat(cleaned.text()).startsWith(lines.get(3));
            lines.stream().filter(line -> line.length() > 120).skip(1)
                    .forEach(line -> assertThat(cleaned.text()).contains(line));
        }
    }

    @Nested
    class Seed000NearDuplicates {

        private final ContentFingerprints fingerprints = new ContentFingerprints();

        /** The seed with chrome lines inserted and the first sentence of its fifth body paragraph replaced. */
        private String editedCopy() {
            List<String> paragraphs = new ArrayList<>(SeedCorpus.nonBlankLines("000"));
            int target = java.util.stream.IntStream.range(0, paragraphs.size())
                    .filter(i -> paragraphs.get(i).length() > 300 && paragraphs.get(i).indexOf(". ") > 0)
                    .skip(4).findFirst().orElseThrow();
            String paragraph = paragraphs.get(target);
            int firstSentenceEnd = paragraph.indexOf(". ") + 1;
            assertThat(firstSentenceEnd).isGreaterThan(60);
            paragraphs.set(target, "An editor rewrote this opening sentence for the syndicated copy of the story."
                    + paragraph.substring(firstSentenceEnd));
            paragraphs.add(2, "Advertisement");
            paragraphs.add(5, "Share");
            paragraphs.add(6, "Copy link");
            paragraphs.add("MORE: A teaser for another story");
            return String.join("\n\n", paragraphs);
        }

        @Test
        void lightlyEditedCopyIsANearDuplicate() {
            String original = clean("000").text();
            String copy = cleaner.clean(editedCopy()).text();
            assertThat(copy).isNotEqualTo(original);

            ContentFingerprint a = fingerprints.fingerprint(original);
            ContentFingerprint b = fingerprints.fingerprint(copy);

            assertThat(a.exactKey()).isNotEqualTo(b.exactKey());
            double similarity = fingerprints.similarity(a.minHash(), b.minHash());
            System.out.printf("seed 000 vs edited copy: MinHash similarity %.3f%n", similarity);
            assertThat(similarity).isGreaterThan(0.8).isLessThan(1.0);
            assertThat(a.bandKeys()).containsAnyElementsOf(b.bandKeys());
        }

        @Test
        void rawEditedCopyWithChromeIsStillANearDuplicate() {
            double similarity = fingerprints.similarity(
                    fingerprints.minHash(SeedCorpus.text("000")), fingerprints.minHash(editedCopy()));

            assertThat(similarity).isGreaterThan(0.8);
        }

        @Test
        void unrelatedArticleScoresLow() {
            ContentFingerprint a = fingerprints.fingerprint(clean("000").text());
            ContentFingerprint b = fingerprints.fingerprint(clean("004").text());

            double similarity = fingerprints.similarity(a.minHash(), b.minHash());
            System.out.printf("seed 000 vs seed 004: MinHash similarity %.3f%n", similarity);
            assertThat(similarity).isLessThan(0.2);
            assertThat(a.bandKeys()).doesNotContainAnyElementsOf(b.bandKeys());
        }

        @Test
        void typographicVariantsShareTheExactKey() {
            String original = SeedCorpus.text("000");
            String variant = original.toUpperCase().replace("\u2019", "'").replace("\n\n", "\n \n\t");

            assertThat(fingerprints.exactKey(variant)).isEqualTo(fingerprints.exactKey(original));
        }
    }

    static List<String> seedNumbers() {
        return SeedCorpus.allNumbers();
    }

    @ParameterizedTest
    @MethodSource("seedNumbers")
    void everySeedSurvivesTheWholePipelineAndIsEnglish(String number) {
        CleanedText cleaned = clean(number);
        Dateline dateline = new DatelineParser().parse(cleaned.text()).orElse(null);
        PublicationDate date = new PublicationDateResolver().resolve(null, null, dateline, cleaned.text());
        new LiveBlogSplitter().split(cleaned.text(), date.date());

        LanguageGuess language = SharedLanguageIdentifier.INSTANCE.identify(cleaned.text());

        assertThat(language.code()).isEqualTo("en");
        assertThat(language.confidence()).isGreaterThan(0.15);
        assertThat(cleaned.text()).isNotBlank();
    }
}
