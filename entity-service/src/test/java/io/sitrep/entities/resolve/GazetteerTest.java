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
    void aNameOfOnePlaceAloneIdentifiesIt() {
        assertThat(List.of("Kryvyi Rih", "Krivoy Rog", "Kryvyy Rih", "Kriwoi Rog").stream()
                .map(n -> gazetteer.identifiedPlace(n).orElseThrow().geonameId())).containsOnly(703845L);
        assertThat(gazetteer.identifiedPlace("Voroshilovgrad").orElseThrow().geonameId()).isEqualTo(702658L);
    }

    @Test
    void aPlacesOwnNameBeatsAnAlternateOfABiggerOne() {
        // Sverdlovsk was Yekaterinburg's name; it is also the own name of a town in Luhansk Oblast
        assertThat(gazetteer.identifiedPlace("Sverdlovsk").orElseThrow().geonameId()).isEqualTo(692105L);
        assertThat(gazetteer.resolve("Sverdlovsk").orElseThrow().geonameId()).isEqualTo(692105L);
        assertThat(gazetteer.resolve("Yekaterinburg").orElseThrow().geonameId())
                .isNotEqualTo(692105L).isEqualTo(gazetteer.identifiedPlace("Yekaterinburg").orElseThrow().geonameId());
    }

    @Test
    void namesSharedByPlacesOrRegionsIdentifyNothing() {
        // two Ukrainian places are called Mykolayiv, and both were Nikolaev; several places are called Paris
        assertThat(gazetteer.identifiedPlace("Mykolayiv")).isEmpty();
        assertThat(gazetteer.identifiedPlace("Nikolaev")).isEmpty();
        assertThat(gazetteer.identifiedPlace("Paris")).isEmpty();
        assertThat(gazetteer.identifiedPlace("Donetsk Oblast")).isEmpty();
        assertThat(gazetteer.identifiedPlace("Ukraine")).isEmpty();
        assertThat(gazetteer.identifiedPlace("Bakhmutka")).isEmpty();
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

    @Test
    void countriesUnderTheirCommonNames() {
        for (String name : List.of("Ukraine", "Russia", "Russian Federation", "UK", "United Kingdom", "Britain", "Georgia")) {
            assertThat(gazetteer.resolve(name)).as(name).get().extracting(Place::subtype).isEqualTo("COUNTRY");
        }
        assertThat(gazetteer.resolve("Russian Federation").orElseThrow()).extracting(Place::name, Place::countryCode)
                .containsExactly("Russia", "RU");
        assertThat(gazetteer.resolve("Britain").orElseThrow()).extracting(Place::name, Place::countryCode)
                .containsExactly("United Kingdom", "GB");
        Place ukraine = gazetteer.resolve("Ukraine").orElseThrow();
        assertThat(ukraine.geonameId()).isZero();
        assertThat(ukraine.latitude()).isCloseTo(50.45, within(0.01));      // the capital's coordinates
        assertThat(ukraine.longitude()).isCloseTo(30.52, within(0.01));
        // the knowledge base's spelling wins over the data's ("Türkiye")
        assertThat(gazetteer.resolve("Türkiye").orElseThrow()).extracting(Place::name, Place::subtype)
                .containsExactly("Turkey", "COUNTRY");
    }

    @Test
    void aBareDonetskIsTheCityOnlyTheRegionWordMakesItTheOblast() {
        Place city = gazetteer.resolve("Donetsk").orElseThrow();
        assertThat(city).extracting(Place::geonameId, Place::subtype, Place::countryCode).containsExactly(709717L, "CITY", "UA");
        for (String name : List.of("Donetsk Oblast", "Donetsk region", "Donetsk oblast")) {
            assertThat(gazetteer.resolve(name).orElseThrow()).as(name).extracting(Place::name, Place::subtype)
                    .containsExactly("Donetsk Oblast", "STATE_OR_PROVINCE");
            assertThat(gazetteer.isRegion(name)).isTrue();
        }
        assertThat(gazetteer.isRegion("Donetsk")).isFalse();
        assertThat(gazetteer.resolve("Kharkov region").orElseThrow().name()).isEqualTo("Kharkiv Oblast");
        assertThat(gazetteer.resolve("Crimea").orElseThrow()).extracting(Place::subtype, Place::countryCode)
                .containsExactly("STATE_OR_PROVINCE", "UA");
        assertThat(gazetteer.resolve("Luhansk").orElseThrow().subtype()).isEqualTo("CITY");
        assertThat(gazetteer.resolve("Bakhmut").orElseThrow().subtype()).isEqualTo("CITY");
        assertThat(gazetteer.isRegion("Bakhmut region")).isFalse();
    }
}
