package io.sitrep.query.store;

import io.sitrep.query.search.SearchFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever q holds, the statement text is the same: q only ever travels among the bound values. */
class SearchSqlShapeTest {

    static final List<String> HOSTILE = List.of("'; DROP TABLE document; --", ") OR 1=1 --", "\\", "\\\\", "$$",
            "$q$ SELECT 1 $q$", "\"unbalanced", "'unbalanced", "\"a\" \"b", "-", "OR", "x' UNION SELECT body FROM document --",
            "?", "? ?", "%_!", "_e1", "'_e1' | '_e2'", "a <-> b & !c", ")))(((", "\u0000", "Elwinsk -\"Port Elwin\" OR x");

    static SearchFilter filter(String q) {
        return new SearchFilter(q, List.of(42L), "PERSON", List.of("Example Wire"), "en",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
                UUID.fromString("00000000-0000-4000-8000-00000000a001"), Instant.parse("2024-05-12T12:00:00Z"),
                Instant.parse("2024-05-14T00:00:00Z"), SearchFilter.Sort.RELEVANCE);
    }

    static final List<Function<SearchFilter, Sql>> BUILDERS = List.of(
            f -> SearchRepository.matches(f, 2000),
            f -> SearchRepository.pageSql(f, 2000, null, 21),
            f -> SearchRepository.pageSql(f, 2000, new SearchRepository.After(0.5, UUID.randomUUID(), -1), 21),
            f -> SearchRepository.facetSql(f, "month", 10, 2000),
            f -> SearchRepository.exportSql(f, 2000));

    @Test
    void hostileQueriesLeaveTheStatementTextUnchanged() {
        for (Function<SearchFilter, Sql> build : BUILDERS) {
            Sql benign = build.apply(filter("Marrowby"));
            assertThat(benign.text()).doesNotContain("Marrowby");
            for (String hostile : HOSTILE) {
                Sql sql = build.apply(filter(hostile));
                assertThat(sql.text()).as("text for q=%s", hostile).isEqualTo(benign.text());
                assertThat(sql.params()).as("parameter count for q=%s", hostile).hasSameSizeAs(benign.params());
                // q is bound as itself, and everything derived from it is bound too.
                assertThat(sql.params()).contains(hostile);
                if (hostile.length() > 3) {
                    assertThat(sql.text()).doesNotContain(hostile);
                }
                long marks = sql.text().chars().filter(c -> c == '?').count();
                assertThat(marks).isEqualTo(sql.params().size());
            }
        }
    }

    @Test
    void derivedEntityTermsAreBoundArraysOfTheQuerysOwnWords() {
        Sql sql = SearchRepository.matches(filter("'; DROP TABLE document; --"), 2000);
        // The words, punctuation around them trimmed ("--" is an exclusion mark, so no whole-query name).
        assertThat(boundTerms(sql)).contains("DROP", "TABLE", "document").doesNotContain("DROP TABLE document");
        assertThat(sql.text()).doesNotContain("DROP");
        // Plain words are also tried as one name.
        assertThat(boundTerms(SearchRepository.matches(filter("Port Elwin"), 2000))).contains("Port", "Elwin", "Port Elwin");
        assertThat(boundTerms(SearchRepository.matches(filter("\"Port Elwin\" -Elwinsk"), 2000)))
                .contains("Port Elwin", "\"Port Elwin\"", "Elwinsk").doesNotContain("-Elwinsk");
    }

    @Test
    void storyGroupAndEventRangeTravelAsBoundValues() {
        UUID group = UUID.fromString("00000000-0000-4000-8000-00000000b002");
        for (Function<SearchFilter, Sql> build : BUILDERS) {
            Sql benign = build.apply(filter("Marrowby"));
            Sql other = build.apply(new SearchFilter("Marrowby", List.of(42L), "PERSON", List.of("Example Wire"), "en",
                    Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), group,
                    Instant.parse("2023-02-01T00:00:00Z"), Instant.parse("2023-02-01T06:30:00Z"), SearchFilter.Sort.RELEVANCE));
            assertThat(other.text()).isEqualTo(benign.text()).doesNotContain(group.toString()).doesNotContain("2023-02");
            // The entry times as instants, the statement days as whole days: 06:30 still overlaps 1 February.
            assertThat(other.params()).contains(group, Instant.parse("2023-02-01T00:00:00Z"),
                    Instant.parse("2023-02-01T06:30:00Z"), java.time.LocalDate.parse("2023-02-01"),
                    java.time.LocalDate.parse("2023-02-02"));
            assertThat(benign.params()).contains(java.time.LocalDate.parse("2024-05-12"),
                    java.time.LocalDate.parse("2024-05-14")).doesNotContain(java.time.LocalDate.parse("2024-05-15"));
        }
    }

    static List<String> boundTerms(Sql sql) {
        List<String> bound = new ArrayList<>();
        for (Object p : sql.params()) {
            if (p instanceof String[] values) {
                bound.addAll(Arrays.asList(values));
            }
        }
        return bound;
    }
}
