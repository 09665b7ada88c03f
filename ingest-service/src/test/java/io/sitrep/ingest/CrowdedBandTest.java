package io.sitrep.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire boilerplate and templated stories crowd some LSH bands with thousands of articles. A near-duplicate of an
 * older article must still find it through the bands that are not crowded: a crowded band may not use up the
 * whole look-up budget, however its rows lie in the table.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CrowdedBandTest {

    private static final int CROWD = 1_200;

    @Inject
    DataSource dataSource;

    @Test
    void aNearDuplicateIsFoundPastCrowdedBands() throws SQLException {
        String tag = UUID.randomUUID().toString();
        String original = story(tag, "The harbour master said the ferry would resume on Friday.");
        JsonPath first = post(original);
        UUID firstId = UUID.fromString(first.getString("id"));
        crowdHalfTheBandsOf(firstId);
        try {
            JsonPath copy = post(story(tag, "A harbour official said crossings could restart at the end of the week."));

            assertThat(copy.getString("id")).isNotEqualTo(first.getString("id"));
            assertThat(copy.getString("storyGroup.id")).isEqualTo(first.getString("storyGroup.id"));
        } finally {
            removeTheCrowd(firstId);
        }
    }

    /**
     * {@value #CROWD} stand-in articles (no MinHash, so never candidates themselves) in half of the original's
     * bands, their rows stored before the original's own band rows, so that any scan in physical order meets the
     * crowd first.
     */
    private void crowdHalfTheBandsOf(UUID articleId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement save = c.prepareStatement(
                    "CREATE TEMP TABLE own_bands ON COMMIT DROP AS SELECT band_key, article_id FROM article_band WHERE article_id = ?");
                 PreparedStatement forget = c.prepareStatement("DELETE FROM article_band WHERE article_id = ?");
                 PreparedStatement crowd = c.prepareStatement("""
                         INSERT INTO article SELECT (jsonb_populate_record(NULL::article, to_jsonb(a) || jsonb_build_object(
                             'id', gen_random_uuid(), 'content_hash', 'crowd-' || n || '-' || a.id, 'url', NULL,
                             'idempotency_key', NULL, 'minhash', NULL, 'story_group_id', gen_random_uuid(),
                             'status', 'NOT_ANALYZED'))).*
                         FROM article a, generate_series(1, ?) AS n WHERE a.id = ?""");
                 PreparedStatement crowdBands = c.prepareStatement("""
                         INSERT INTO article_band (band_key, article_id)
                         SELECT b.band_key, a.id FROM article a,
                             (SELECT band_key FROM own_bands ORDER BY band_key LIMIT (SELECT count(*) / 2 FROM own_bands)) b
                         WHERE a.content_hash LIKE 'crowd-%-' || ?""");
                 PreparedStatement restore = c.prepareStatement("INSERT INTO article_band SELECT * FROM own_bands")) {
                save.setObject(1, articleId);
                save.execute();
                forget.setObject(1, articleId);
                forget.execute();
                crowd.setInt(1, CROWD);
                crowd.setObject(2, articleId);
                assertThat(crowd.executeUpdate()).isEqualTo(CROWD);
                crowdBands.setString(1, articleId.toString());
                assertThat(crowdBands.executeUpdate()).isGreaterThanOrEqualTo(CROWD * 8);
                restore.execute();
            }
            c.commit();
        }
    }

    /** Twenty sentences of one story; the first is the one a copy may change. */
    private static String story(String tag, String opening) {
        StringBuilder b = new StringBuilder("Ferries to Carrow Island stay in port\n\n").append(opening).append(' ');
        for (int i = 1; i <= 20; i++) {
            b.append("Islanders waited at pier ").append(i).append(" while crews checked hull number ").append(i * 7)
                    .append(" for storm damage before the crossing. ");
        }
        return b.append("Reference ").append(tag).append('.').toString();
    }

    private static JsonPath post(String text) {
        return IngestFidelityTest.post(text);
    }

    private void removeTheCrowd(UUID articleId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("DELETE FROM article WHERE content_hash LIKE 'crowd-%-' || ?")) {
            st.setString(1, articleId.toString());
            assertThat(st.executeUpdate()).isEqualTo(CROWD);
        }
    }
}
