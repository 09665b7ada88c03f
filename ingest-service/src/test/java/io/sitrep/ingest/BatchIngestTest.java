package io.sitrep.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BatchIngestTest {

    /** Line number → the bad line, and the problem type it must get. */
    static final Map<Integer, String[]> BAD = new TreeMap<>(Map.of(
            7, new String[] {"{\"body\": \"unterminated", "invalid-json"},
            100, new String[] {"{\"body\": \"x\", \"author\": \"nobody\"}", "invalid-json"},
            205, new String[] {"{\"title\": \"no body\"}", "validation"},
            333, new String[] {"[1, 2, 3]", "invalid-json"},
            480, new String[] {"{\"body\": \"text\", \"url\": \"ftp://nope\"}", "validation"},
            512, new String[] {"{\"body\": \"text\", \"publishedAt\": \"last week\"}", "invalid-json"},
            640, new String[] {"not json at all", "invalid-json"},
            777, new String[] {"{\"body\": \"Advertisement\\nLoading...\"}", "no-article-text"},
            901, new String[] {"{\"body\": \"text\", \"language\": \"English\"}", "validation"},
            999, new String[] {"{\"body\": 42}", "invalid-json"}));

    @Test
    void thousandLinesWithTenBadOnesGive990ArticlesAndTenPreciseErrors() {
        StringBuilder ndjson = new StringBuilder();
        for (int line = 1; line <= 1000; line++) {
            String[] bad = BAD.get(line);
            ndjson.append(bad != null ? bad[0]
                    : "{\"title\": \"Batch item " + line + "\", \"source\": \"batch-test\", \"body\": \"Dispatch " + line
                            + " reports that convoy " + Integer.toHexString(line * 7919) + " crossed checkpoint "
                            + (line * 31 % 997) + " near the river on day " + line + ".\"}");
            ndjson.append('\n');
        }
        String response = given().contentType("application/x-ndjson")
                .body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/article-batches")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonPath> results = response.lines().map(JsonPath::from).toList();

        assertThat(results).hasSize(1000);
        assertThat(results).extracting(r -> r.getInt("line")).isSorted();
        Map<Integer, String> errors = results.stream().filter(r -> "error".equals(r.getString("result")))
                .collect(Collectors.toMap(r -> r.getInt("line"), r -> r.getString("problem.type"), (a, b) -> a, TreeMap::new));
        assertThat(errors.keySet()).containsExactlyElementsOf(BAD.keySet());
        assertThat(results.stream().filter(r -> "created".equals(r.getString("result")))).hasSize(990);
        BAD.forEach((line, bad) -> assertThat(errors.get(line)).as("line " + line).isEqualTo("urn:sitrep:problem:" + bad[1]));
        assertThat(results.stream().filter(r -> "error".equals(r.getString("result"))))
                .allSatisfy(r -> assertThat(r.getString("problem.detail")).isNotBlank());
    }

    @Test
    void repeatedLinesAreDuplicatesAndBlankLinesAreSkipped() {
        String line = "{\"body\": \"The same dispatch about the bridge, sent twice in one batch.\"}";
        String response = given().contentType("application/x-ndjson")
                .body((line + "\n\n" + line + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/article-batches").then().statusCode(200).extract().asString();
        List<JsonPath> results = response.lines().map(JsonPath::from).toList();
        assertThat(results).extracting(r -> r.getString("result")).containsExactly("created", "duplicate");
        assertThat(results.get(1).getString("id")).isEqualTo(results.get(0).getString("id"));
        assertThat(results.get(1).getInt("line")).isEqualTo(3);
    }
}
