package io.sitrep.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * With a 1 ms read statement timeout, a faceted search over tens of thousands of documents cannot finish:
 * it must answer 503 problem+json with Retry-After, while writes (their own pool) are not limited.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.TinyTimeout.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StatementTimeoutTest {

    public static class TinyTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitrep.query.statement-timeout", "1ms");
        }
    }

    /** The write pool: no statement timeout, so it can load the bulk rows. */
    @Inject
    AgroalDataSource writeDataSource;

    @Test
    void aReadThatHitsTheStatementTimeoutIsA503WithRetryAfter() throws Exception {
        // Writes go through their own pool and are not bounded by the read timeout.
        String text = "Ballast pumps failed at Corvin Dock during the night.";
        UUID id = UUID.randomUUID();
        assertThat(put("/api/v1/documents/" + id, Map.of("articleId", id.toString(), "extractionVersion", 1,
                "title", "Pumps", "text", text, "source", "Dock Weekly", "language", "en",
                "entities", List.of(entity(801, "Corvin Dock", "LOCATION", text, null, null, "Corvin Dock")))))
                .isEqualTo(201);
        try (Connection c = writeDataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO query.document (article_id, extraction_version, title, body, source, language,
                                                published_at, indexed_at)
                    SELECT gen_random_uuid(), 1, 'Bulletin ' || i,
                           'Harbour bulletin number ' || i || ' about tides, pumps and cranes at berth ' || (i % 97),
                           'Source ' || (i % 13), 'en', timestamptz '2024-01-01' + i * interval '1 minute', now()
                    FROM generate_series(1, 20000) AS i
                    """);
            st.execute("ANALYZE query.document");
        }
        for (Map<String, Object> params : List.<Map<String, Object>>of(
                Map.of("language", "en", "interval", "day"),
                Map.of("q", "harbour OR bulletin OR tides", "interval", "day"))) {
            given().queryParams(params).when().get("/api/v1/search").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:sitrep:problem:timeout"))
                    .body("status", equalTo(503))
                    .body("instance", equalTo("/api/v1/search"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("57014")));
        }
    }
}
