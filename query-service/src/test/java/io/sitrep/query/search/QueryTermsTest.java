package io.sitrep.query.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTermsTest {

    @Test
    void wordsAndPhrasesWithoutSyntax() {
        QueryTerms t = QueryTerms.of("tugs -Elwinsk OR \"Port  Elwin\" (gale),");
        assertThat(t.names()).containsExactly("tugs", "Elwinsk", "Port Elwin", "gale");
        // The web-search form keeps a phrase a phrase.
        assertThat(t.queries()).containsExactly("tugs", "Elwinsk", "\"Port Elwin\"", "gale");
    }

    @Test
    void plainWordsAreAlsoTriedAsOneName() {
        assertThat(QueryTerms.of("Port Elwin").names()).containsExactly("Port", "Elwin", "Port Elwin");
        assertThat(QueryTerms.of("T. Vale").names()).containsExactly("T", "Vale", "T. Vale");
        // Not when there is syntax: the whole would not be one subtree of the query.
        assertThat(QueryTerms.of("Port -Elwin").names()).containsExactly("Port", "Elwin");
        assertThat(QueryTerms.of("Port OR Elwin").names()).containsExactly("Port", "Elwin");
        assertThat(QueryTerms.of("Elwinsk").names()).containsExactly("Elwinsk");
    }

    @Test
    void oddInputGivesFewOrNoTermsAndNeverFails() {
        assertThat(QueryTerms.of(null).names()).isEmpty();
        assertThat(QueryTerms.of("").names()).isEmpty();
        assertThat(QueryTerms.of("\"").names()).isEmpty();
        assertThat(QueryTerms.of("\"unbalanced phrase").names()).containsExactly("unbalanced phrase");
        assertThat(QueryTerms.of("--- ''' $$ \\\\ ;").names()).isEmpty();
        assertThat(QueryTerms.of("a ".repeat(100)).names()).containsExactly("a");
        String many = String.join(" ", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "w" + i).toList());
        assertThat(QueryTerms.of(many).names()).hasSize(QueryTerms.MAX_TERMS);
        assertThat(QueryTerms.of(many).queries()).hasSize(QueryTerms.MAX_TERMS);
        assertThat(List.of(QueryTerms.of("-\"Port Elwin\"").queries())).containsExactly(List.of("\"Port Elwin\""));
    }
}
