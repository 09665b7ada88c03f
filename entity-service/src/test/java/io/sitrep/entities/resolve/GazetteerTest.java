package io.sitrep.entities.resolve;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GazetteerTest {

    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = Gazetteer.loadDefault(AliasKb.loadDefault());
    }

    @Test
    void shippedResourceIsLoaded() {
        assertThat(gazetteer.size()).isGreaterThan(25_000);
    }

    @Test
    void bakhmutUnderAllItsNamesIsOnePlace() {
        List<Place> places = List.of("Bakhmut", "Artyomovsk", "Artemivsk", "Artemovsk", "Artemivs'k").stream()
                .map(n -> gazetteer.resolve(n).orElseThrow()).toList();
        assertThat(places).extracting(Place::geonameId).containsOnly(713174L);
        Place p = places.get(1);
        assertThat(p.name()).isEqualTo("Bakhmut");
        assertThat(p.countryCode()).isEqualTo("UA");
        assertThat(p.latitude()).isCloseTo(48.6, within(0.1));
        assertThat(p.longitude()).isCloseTo(38.0, within(0.1));
        assertThat(p.placeType()).isEqualTo("town");
    }

    @Test
    void kievIsDisplayedAsKyiv() {
        Place kiev = gazetteer.resolve("Kiev").orElseThrow();
        assertThat(kiev).extracting(Place::name, Place::geonamesName, Place::placeType).containsExactly("Kyiv", "Kiev", "capital");
        assertThat(gazetteer.resolve("Kyiv").orElseThrow().geonameId()).isEqualTo(kiev.geonameId());
        assertThat(gazetteer.resolve("Kijów").orElseThrow().name()).isEqualTo("Kyiv");   // GeoNames alternate, not in the KB
    }

    @Test
    void otherPlacesAndMisses() {
        assertThat(gazetteer.resolve("Avdiivka").orElseThrow().countryCode()).isEqualTo("UA");
        assertThat(gazetteer.resolve("Moscow").orElseThrow().placeType()).isEqualTo("capital");
        assertThat(gazetteer.resolve("Stockholm").orElseThrow().countryCode()).isEqualTo("SE");
        assertThat(gazetteer.resolve("Bakhmutka")).isEmpty();
        assertThat(gazetteer.resolve("Qwxzyville")).isEmpty();
    }

    @Test
    void mostPopulousOfHomonymsWins() throws Exception {
        String tsv = "# test\n1\tSpringfield\tSpringfield\t1\t2\tUS\tPPL\t5000\t\n"
                + "2\tSpringfield\tSpringfield\t3\t4\tUS\tPPLA2\t160000\tSpringfeld\n";
        Gazetteer g = Gazetteer.load(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), AliasKb.loadDefault());
        assertThat(g.resolve("Springfield").orElseThrow().geonameId()).isEqualTo(2L);
        assertThat(g.resolve("Springfeld").orElseThrow().placeType()).isEqualTo("administrative seat");
    }
}
