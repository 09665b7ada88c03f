package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.entities.nlp.QuoteAttributorTest;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Cross-document resolution, aliases, roles, quotes and dates through the service, on real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EntityIntelligenceTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    static JsonPath post(String text, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("articleId", UUID.randomUUID().toString());
        body.put("text", text);
        body.put("source", source);
        body.put("publishedAt", "2023-03-08T12:00:00Z");
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/documents")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The canonical entity id of the mention whose text is exactly {@code surface}. */
    static long idOf(JsonPath doc, String surface) {
        List<Map<String, Object>> entities = doc.getList("entities");
        for (Map<String, Object> e : entities) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> mentions = (List<Map<String, Object>>) e.get("mentions");
            if (mentions.stream().anyMatch(m -> surface.equals(m.get("text")))) {
                return ((Number) e.get("entityId")).longValue();
            }
        }
        throw new AssertionError("no mention '" + surface + "' among " + entities.stream().map(e -> e.get("name")).toList());
    }

    @Test
    void namesThatMustNotMergeStayDistinctAcrossDocuments() {
        JsonPath a = post("Ukrainian President Volodymyr Zelenskyy visited troops on Tuesday.", "Wire A");
        JsonPath b = post("Deputy commander Volodymyr Nazarenko said his unit was holding the line.", "Wire B");
        JsonPath c = post("Russian President Vladimir Putin spoke in Moscow.", "Wire C");
        JsonPath d = post("Shelling hit Bakhmut again on Monday.", "Wire A");
        JsonPath e = post("Troops crossed the river near Bakhmutka on Monday.", "Wire B");
        JsonPath f = post("The Russian Defence Ministry said it had moved reserves.\n\nThe UK Ministry of Defence disputed that."
                + "\n\nThe Defence Ministry of Belarus denied it.", "Wire C");
        long zelenskyy = idOf(a, "Volodymyr Zelenskyy"), nazarenko = idOf(b, "Volodymyr Nazarenko"),
                putin = idOf(c, "Vladimir Putin");
        assertThat(List.of(zelenskyy, nazarenko, putin)).doesNotHaveDuplicates();
        assertThat(idOf(d, "Bakhmut")).isNotEqualTo(idOf(e, "Bakhmutka"));
        long uk = idOf(f, "UK Ministry of Defence"), ru = idOf(f, "Russian Defence Ministry"),
                by = idOf(f, "Defence Ministry of Belarus");
        assertThat(List.of(uk, ru, by)).doesNotHaveDuplicates();

        // and all of them in one document, against the entities that now exist
        JsonPath all = post("Volodymyr Zelenskyy met Volodymyr Nazarenko in Kyiv while Vladimir Putin stayed in Moscow.\n\n"
                + "Fighting continued in Bakhmut and near the village of Bakhmutka.\n\n"
                + "The Russian Defence Ministry said it had moved reserves.\n\nThe UK Ministry of Defence disputed that."
                + "\n\nThe Defence Ministry of Belarus denied it.", "Wire D");
        assertThat(idOf(all, "Volodymyr Zelenskyy")).isEqualTo(zelenskyy);
        assertThat(idOf(all, "Volodymyr Nazarenko")).isEqualTo(nazarenko);
        assertThat(idOf(all, "Vladimir Putin")).isEqualTo(putin);
        assertThat(idOf(all, "Bakhmut")).isEqualTo(idOf(d, "Bakhmut")).isNotEqualTo(idOf(all, "Bakhmutka"));
        assertThat(idOf(all, "Bakhmutka")).isEqualTo(idOf(e, "Bakhmutka"));
        assertThat(idOf(all, "Russian Defence Ministry")).isEqualTo(ru);
        assertThat(idOf(all, "UK Ministry of Defence")).isEqualTo(uk);
        assertThat(idOf(all, "Defence Ministry of Belarus")).isEqualTo(by);
        assertThat(List.of(idOf(all, "UK Ministry of Defence"), idOf(all, "Russian Defence Ministry"),
                idOf(all, "Defence Ministry of Belarus"))).doesNotHaveDuplicates();

        // a spelling variant in another document joins, with evidence
        JsonPath g = post("President Volodymyr Zelensky met envoys.", "Wire E");
        assertThat(idOf(g, "Volodymyr Zelensky")).isEqualTo(zelenskyy);
        JsonPath entity = given().when().get("/api/v1/entities/" + zelenskyy).then().statusCode(200).extract().jsonPath();
        assertThat(entity.getList("links.method", String.class)).contains("TRANSLITERATION");
        assertThat(entity.getList("aliases.surface", String.class)).contains("Volodymyr Zelenskyy", "Volodymyr Zelensky");
        assertThat(entity.getInt("documentCount")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void seedAliasesMergeAndRolesAreStored() {
        Map<String, JsonPath> seeds = new LinkedHashMap<>();
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            seeds.put(seed, post(Seeds.text(seed), "Seed " + seed));
        }
        JsonPath kyiv = post("Officials in Kyiv said the talks would continue.", "Wire K");
        // Artyomovsk = Bakhmut (alias knowledge base), across and within documents
        long bakhmut = idOf(seeds.get("000"), "Bakhmut");
        assertThat(idOf(seeds.get("002"), "Artyomovsk")).isEqualTo(bakhmut);
        assertThat(idOf(seeds.get("004"), "Artyomovsk")).isEqualTo(bakhmut);
        // Prugozhin (a misspelling in 003) = Prigozhin
        long prigozhin = idOf(seeds.get("001"), "Yevgeny Prigozhin");
        assertThat(idOf(seeds.get("003"), "Yevgeny Prugozhin")).isEqualTo(prigozhin);
        // Kiev = Kyiv
        assertThat(idOf(kyiv, "Kyiv")).isEqualTo(idOf(seeds.get("002"), "Kiev"));

        // the entity page shows the spellings with their sources, roles and document count
        JsonPath place = given().when().get("/api/v1/entities/" + bakhmut).then().statusCode(200).extract().jsonPath();
        assertThat(place.getString("name")).isEqualTo("Bakhmut");
        assertThat(place.getList("aliases.surface", String.class)).contains("Bakhmut", "Artyomovsk");
        assertThat(place.getList("aliases.source", String.class)).contains("Seed 000", "Seed 004");
        assertThat(place.getInt("documentCount")).isGreaterThanOrEqualTo(5);
        assertThat(place.getString("firstSeen")).isNotNull();

        assertThat(titlesOf(idOf(seeds.get("000"), "Jens Stoltenberg"))).anyMatch(t -> t.startsWith("Secretary"));
        assertThat(titlesOf(prigozhin)).anyMatch(t -> t.equals("chief") || t.equals("head"));
        assertThat(titlesOf(idOf(seeds.get("001"), "Pavlo Kyrylenko"))).contains("Governor");
        assertThat(titlesOf(idOf(seeds.get("002"), "Dmitry Peskov"))).contains("spokes man");

        // search by alias, case- and diacritic-insensitive
        given().when().get("/api/v1/entities?q=ARTYÓMOVSK&type=LOCATION")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem((int) bakhmut));
    }

    private static List<String> titlesOf(long entityId) {
        return given().when().get("/api/v1/entities/" + entityId).then().statusCode(200)
                .extract().jsonPath().getList("roles.title", String.class);
    }

    @Test
    void liveBlogQuotesAreAttributedThroughTheService() {
        String text = Seeds.text("002");
        JsonPath doc = post(text, "Seed live blog");
        UUID articleId = UUID.fromString(doc.getString("articleId"));
        JsonPath stored = given().when().get("/api/v1/documents/" + articleId).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> quotes = stored.getList("quotes");
        Map<Integer, Map<String, Object>> byStart = new HashMap<>();
        for (Map<String, Object> q : quotes) {
            int start = (Integer) q.get("start"), end = (Integer) q.get("end");
            assertThat(text.substring(start, end)).isEqualTo(q.get("text"));
            byStart.put(start, q);
        }
        Map<Integer, String> expected = QuoteAttributorTest.expectedLiveBlogSpeakers();
        int correct = 0, resolved = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Integer, String> e : expected.entrySet()) {
            Map<String, Object> q = byStart.get(e.getKey());
            String got = q == null ? "<no quote>" : (String) q.get("speakerName");
            boolean ok = q != null && (e.getValue() == null ? got == null : got != null && got.contains(e.getValue()));
            if (ok) {
                correct++;
            } else {
                wrong.add(e.getKey() + ": expected " + e.getValue() + ", got " + got);
            }
            if (q != null && q.get("speakerEntityId") != null) {
                resolved++;
            }
        }
        assertThat((double) correct / expected.size()).as("wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
        assertThat(resolved).isGreaterThan(expected.size() / 2);
        // speakers resolve to canonical entities: Peskov's quotes carry his entity id
        long peskov = idOf(stored, "Dmitry Peskov");
        assertThat(quotes).anyMatch(q -> q.get("speakerEntityId") != null && ((Number) q.get("speakerEntityId")).longValue() == peskov);
        // dates resolved against the publication day, offsets exact
        List<Map<String, Object>> dates = stored.getList("dates");
        assertThat(dates).isNotEmpty();
        for (Map<String, Object> d : dates) {
            assertThat(text.substring((Integer) d.get("start"), (Integer) d.get("end"))).isEqualTo(d.get("text"));
        }
        assertThat(stored.getList("entities.salience", Float.class)).allMatch(s -> s >= 0 && s <= 1);
    }

    @Test
    void liveBlogSegmentsAreTheReferenceForRelativeDates() {
        String text = "Morning update\n\nShelling resumed yesterday near the river.\n\nEvening update\n\nTalks resume tomorrow.";
        int first = text.indexOf("Shelling"), second = text.indexOf("Evening");
        Map<String, Object> body = new HashMap<>();
        body.put("articleId", UUID.randomUUID().toString());
        body.put("text", text);
        body.put("publishedAt", "2023-03-10T12:00:00Z");
        body.put("segments", List.of(
                Map.of("ordinal", 0, "headline", "Morning update", "start", 0, "end", second, "occurredAt", "2023-03-05T08:00:00Z"),
                Map.of("ordinal", 1, "headline", "Evening update", "start", second, "end", text.length(),
                        "occurredAt", "2023-03-06T20:00:00Z")));
        JsonPath doc = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/documents")
                .then().statusCode(201).extract().jsonPath();
        assertThat(doc.getString("dates.find { it.text == 'yesterday' }.date")).isEqualTo("2023-03-04");
        assertThat(doc.getString("dates.find { it.text == 'tomorrow' }.date")).isEqualTo("2023-03-07");
        assertThat(doc.getInt("dates.find { it.text == 'yesterday' }.start")).isGreaterThan(first);
    }

    @Test
    void liveBlogEntriesAreUnitsForQuotesMentionsAndDates() {
        String text = "Flood live\n\n"
                + "Mayor Odile Ferrante toured the district on Monday. \"We will rebuild,\" she said.\n\n"
                + "\"The bridge stays closed,\" she said on Monday.";
        int second = text.indexOf("\"The bridge");
        Map<String, Object> body = new HashMap<>();
        body.put("articleId", UUID.randomUUID().toString());
        body.put("text", text);
        body.put("publishedAt", "2023-03-20T12:00:00Z");
        body.put("segments", List.of(
                Map.of("ordinal", 0, "headline", "Tour", "start", text.indexOf("Mayor"), "end", second,
                        "occurredAt", "2023-03-08T09:00:00Z"),
                Map.of("ordinal", 1, "headline", "Bridge", "start", second, "end", text.length(),
                        "occurredAt", "2023-03-15T18:00:00Z")));
        JsonPath doc = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/documents")
                .then().statusCode(201).extract().jsonPath();
        // "on Monday" in the 2023-03-08 entry is 6 March; in the 2023-03-15 entry, 13 March
        assertThat(doc.getList("dates.findAll { it.text == 'Monday' }.date", String.class))
                .containsExactly("2023-03-06", "2023-03-13");
        assertThat(doc.getInt("entities.find { it.name == 'Odile Ferrante' }.mentions[0].segment")).isZero();
        // the pronoun in entry 1 does not reach back to the mayor named only in entry 0
        assertThat(doc.getString("quotes.find { it.text.contains('rebuild') }.speakerName")).isEqualTo("Odile Ferrante");
        assertThat(doc.getString("quotes.find { it.text.contains('bridge') }.speakerName")).isNull();
        JsonPath stored = given().when().get("/api/v1/documents/" + body.get("articleId")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getInt("entities.find { it.name == 'Odile Ferrante' }.mentions[0].segment")).isZero();
    }

    @Test
    void entitySearchPagesByKeysetAndRejectsBadInput() {
        post("Anna Kowalczyk met Anna Nowak and Anna Zielinska in Gdansk.", "Wire P");
        JsonPath page1 = given().when().get("/api/v1/entities?q=anna&type=PERSON&limit=2").then().statusCode(200)
                .extract().jsonPath();
        List<Integer> ids = new ArrayList<>(page1.getList("items.id", Integer.class));
        assertThat(ids).hasSize(2);
        String cursor = page1.getString("nextCursor");
        assertThat(cursor).isNotNull();
        ids.addAll(given().when().get("/api/v1/entities?q=anna&type=PERSON&limit=2&cursor=" + cursor).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Integer.class));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates().isSorted();
        given().when().get("/api/v1/entities?limit=101").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/entities?type=THING").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/entities?cursor=!!").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/entities/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void analyzeReturnsResolvedEntitiesRolesQuotesAndDatesWithoutStoring() {
        String text = "Kremlin spokesman Dmitry Peskov said on Monday: \"The operation continues.\"\n\n"
                + "Peskov added that talks were not planned.";
        JsonPath r = given().contentType(ContentType.JSON)
                .body(Map.of("text", text, "referenceDate", "2023-03-08"))
                .when().post("/api/v1/analyze").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("entities.name", String.class)).contains("Dmitry Peskov").doesNotContain("Peskov");
        assertThat(r.getList("entities.find { it.name == 'Dmitry Peskov' }.aliases", String.class))
                .containsExactly("Dmitry Peskov", "Peskov");
        assertThat(r.getString("roles[0].title")).isEqualTo("spokesman");
        assertThat(r.getString("roles[0].organisation")).isEqualTo("Kremlin");
        assertThat(r.getString("quotes[0].speakerName")).isEqualTo("Dmitry Peskov");
        assertThat(r.getString("dates.find { it.text == 'Monday' }.date")).isEqualTo("2023-03-06");
    }
}
