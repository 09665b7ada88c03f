package io.sitrep.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Real scraped articles through the HTTP API, stored in a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IngestFidelityTest {

    static JsonPath post(String body) {
        String id = given().contentType(ContentType.TEXT.withCharset("UTF-8")).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(202))).extract().path("id");
        return given().when().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void liveBlogSeedKeepsItsDateAndFourteenTimedEntries() {
        JsonPath article = post(Seeds.text("002"));
        assertThat(article.getString("title")).startsWith("Live blog: Bakhmut may fall");
        assertThat(article.getString("published.source")).isEqualTo("TEXT");
        assertThat(article.getString("published.at")).startsWith("2023-03-08");
        List<String> times = article.getList("segments.occurredAt");
        assertThat(times).hasSize(14);
        assertThat(times.stream().filter(t -> t.startsWith("2023-03-07"))).hasSize(3);
        assertThat(times.stream().filter(t -> t.startsWith("2023-03-08"))).hasSize(11);
        String text = article.getString("text");
        assertThat(text).doesNotContain("Loading...").doesNotContain("For more updates").doesNotContain("Route 6");
        for (Map<String, Object> s : article.<Map<String, Object>>getList("segments")) {
            String headline = (String) s.get("headline");
            int start = (Integer) s.get("start");
            assertThat(text.substring(start, (Integer) s.get("end"))).contains(headline);
            assertThat(Instant.parse((String) s.get("occurredAt"))).isBefore(Instant.parse("2023-03-09T00:00:00Z"));
        }
    }

    @Test
    void scrapedChromeIsGoneAndTheBodyStays() {
        String raw = Seeds.text("001");
        JsonPath article = post(raw);
        String text = article.getString("text");
        for (String chrome : List.of("Connect with us", "Hi, what are you looking for?")) {
            assertThat(raw).contains(chrome);
            assertThat(text).doesNotContain(chrome);
        }
        // The author bio blocks sit either side of a "Written By" line: chrome, however long.
        // Scraped lines end in no-break spaces, which strip() keeps and the cleaner does not.
        List<String> lines = raw.lines().map(l -> l.replace('\u00A0', ' ').strip()).filter(l -> !l.isEmpty()).toList();
        java.util.Set<String> bios = new java.util.HashSet<>();
        for (int i = 1; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("Written By")) {
                bios.add(lines.get(i - 1));
                bios.add(lines.get(i + 1));
            }
        }
        assertThat(bios).isNotEmpty();
        bios.forEach(bio -> assertThat(text).doesNotContain(bio));
        lines.stream().filter(l -> l.length() > 200 && !bios.contains(l))
                .forEach(paragraph -> assertThat(text).contains(paragraph));
    }

    @Test
    void wireDatelineGivesPlaceAgenciesAndDate() {
        JsonPath article = post(Seeds.text("004"));
        assertThat(article.getString("dateline.place")).isEqualTo("Moscow");
        assertThat(article.getList("dateline.agencies")).containsExactly("UrduPoint News", "Sputnik");
        assertThat(article.getString("dateline.date")).isEqualTo("2023-05-22");
        assertThat(article.getString("published.source")).isEqualTo("DATELINE");
    }

    @Test
    void theSameArticleTwiceIsOneArticle() {
        byte[] body = Seeds.text("003").getBytes(StandardCharsets.UTF_8);
        String first = given().contentType(ContentType.TEXT).body(body).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().contentType(ContentType.TEXT).body(body).post("/api/v1/articles")
                .then().statusCode(200).body("id", equalTo(first)).body("duplicate", equalTo(true));
        // Same content behind different whitespace and the same Idempotency-Key are copies too.
        given().contentType(ContentType.TEXT).body(("\n\n" + Seeds.text("003") + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().statusCode(200).body("id", equalTo(first));
        String keyed = given().contentType(ContentType.JSON).header("Idempotency-Key", "k-77")
                .body(Map.of("body", "A keyed article about the river crossing.")).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-77")
                .body(Map.of("body", "A retried request, whatever its body.")).post("/api/v1/articles")
                .then().statusCode(200).body("id", equalTo(keyed));
    }

    @Test
    void aLightlyEditedCopyJoinsTheStoryGroup() {
        String original = Seeds.text("000");
        JsonPath first = post(original);
        String firstSentence = first.getString("text").split("(?<=\\.) ", 2)[0];
        String edited = "Advertisement\nShare this article\n" + original.replace(firstSentence,
                "An edited opening sentence written for this test replaces the original one.") + "\nMORE: Another story\n";
        JsonPath copy = post(edited);
        assertThat(copy.getString("id")).isNotEqualTo(first.getString("id"));
        assertThat(copy.getString("storyGroup.id")).isEqualTo(first.getString("storyGroup.id"));
        assertThat(copy.getFloat("storyGroup.members.find { it.id == '" + copy.getString("id") + "' }.similarity"))
                .isGreaterThan(0.5f);
        JsonPath unrelated = post(Seeds.text("004"));
        assertThat(unrelated.getString("storyGroup.id")).isNotEqualTo(first.getString("storyGroup.id"));
    }

    @Test
    void htmlPagesGiveTitleDateAndMainText() {
        String page = """
                <html><head><title>Site | Ferry news</title>
                <meta property="og:title" content="Ferries resume to Carrow Island">
                <meta property="article:published_time" content="2024-02-03T08:30:00Z"></head>
                <body><nav>Home | World | Connect with us</nav>
                <article><h1>Ferries resume to Carrow Island</h1>
                <p>Northwind Lines restarted crossings from Port Elwin on Saturday after a week of storms.</p>
                <p>Mayor Ada Quill said the harbour would stay open through the night.</p></article>
                <footer>Copyright</footer><script>track()</script></body></html>""";
        String id = given().contentType("text/html").body(page.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("title", equalTo("Ferries resume to Carrow Island"))
                .body("published.at", equalTo("2024-02-03T08:30:00Z"))
                .body("published.source", equalTo("HTML_META"))
                .body("contentType", equalTo("text/html"))
                .body("text", containsString("Mayor Ada Quill said"))
                .body("text", not(containsString("Connect with us")))
                .body("text", not(containsString("track()")));
    }

    @Test
    void otherLanguagesAreStoredButNotAnalysed() {
        String german = "Die Fähren nach Carrow Island fahren wieder. Der Bürgermeister sagte am Samstag, "
                + "der Hafen bleibe die ganze Nacht geöffnet, und die Reederei kündigte zusätzliche Fahrten an.";
        JsonPath article = post(german);
        assertThat(article.getString("language")).isEqualTo("de");
        assertThat(article.getString("status")).isEqualTo("NOT_ANALYZED");
        assertThat(article.getString("statusReason")).contains("English");
    }

    @Test
    void hostileBodiesGetDefinedProblems() throws IOException {
        given().contentType(ContentType.TEXT).body(new byte[] {'a', (byte) 0xC3, '(', 'b'}).post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:invalid-encoding"));
        given().contentType(ContentType.TEXT).body("Advertisement\nLoading...\nShare\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().statusCode(422).contentType("application/problem+json");
        given().contentType("application/pdf").body(new byte[] {1, 2, 3}).post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json");
        // A gzip bomb: 20 MB of zeros in about 20 KB; refused once the inflated bytes pass the limit.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                gzip.write(zeros);
            }
        }
        given().contentType(ContentType.TEXT).header("Content-Encoding", "gzip").body(compressed.toByteArray())
                .post("/api/v1/articles").then().statusCode(413).contentType("application/problem+json");
        // NUL and other control characters are removed, not stored.
        JsonPath cleaned = post("A report from the river\u0000 crossing at dawn,\u0007 officials said.");
        assertThat(cleaned.getString("text")).doesNotContain("\u0000").doesNotContain("\u0007");
    }

    @Test
    void pathologicalHtmlFinishesAndIsRefusedOrStored() {
        String nested = "<div>".repeat(20_000) + "<p>Deep text about the harbour.</p>" + "</div>".repeat(20_000);
        int status = given().contentType("text/html").body(("<html><body>" + nested + "</body></html>")
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles").then().extract().statusCode();
        assertThat(status).isIn(202, 413, 422);
    }

    @Test
    void failedArticlesCanBeReprocessed() {
        String id = post("An article to be reprocessed after a failure.").getString("id");
        given().contentType(ContentType.JSON).body(Map.of("status", "FAILED", "reason", "test"))
                .put("/api/v1/articles/" + id + "/status").then().statusCode(204);
        given().post("/api/v1/articles/reprocess-failed").then().statusCode(202)
                .body("requeued", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().get("/api/v1/articles/" + id).then().body("status", equalTo("RECEIVED"));
        given().post("/api/v1/articles/" + id + "/reprocess").then().statusCode(202)
                .header("Location", containsString(id));
        given().get("/api/v1/articles/" + id).then().body("deliveryAttempts", equalTo(0))
                .body("segments", hasSize(0));
    }
}
