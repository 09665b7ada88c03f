package io.sitrep.entities.resolve;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KnownNamesTest {

    private static KnownNames names;

    @BeforeAll
    static void load() {
        AliasKb kb = AliasKb.loadDefault();
        names = new KnownNames(kb, Gazetteer.loadDefault(kb), Demonyms.loadDefault());
    }

    @ParameterizedTest(name = "{0} {1} is shown as {2}")
    @CsvSource({
            "LOCATION, Kiev, Kyiv", "LOCATION, Artyomovsk, Bakhmut", "LOCATION, Donbass, Donbas",
            "LOCATION, Kremennaya, Kreminna", "LOCATION, Britain, United Kingdom", "LOCATION, Russian Federation, Russia",
            "LOCATION, Kharkiv region, Kharkiv Oblast", "LOCATION, Türkiye, Turkey",
            // a populated place keeps the document's spelling, not GeoNames' transliteration (Syeverodonets'k)
            "LOCATION, Severodonetsk, Severodonetsk", "LOCATION, Bakhmutka, Bakhmutka",
            "NORP, Ukrainians, Ukrainian", "NORP, Byelorussian, Belarusian",
            "PERSON, Vladimir Zelensky, Volodymyr Zelenskyy", "PERSON, Volodymyr Nazarenko, Volodymyr Nazarenko",
            "ORGANIZATION, PMC Wagner, Wagner Group"})
    void preferredName(String type, String name, String shown) {
        assertThat(names.lookup(type, name).name()).isEqualTo(shown);
    }

    @Test
    void placesCarryTheirFacts() {
        KnownNames.Known kiev = names.lookup("LOCATION", "Kiev");
        assertThat(kiev.place()).extracting(Place::subtype, Place::geonameId).containsExactly("CITY", 703448L);
        assertThat(kiev.countryCode()).isEqualTo("UA");
        assertThat(names.lookup("LOCATION", "Severodonetsk").place().geonameId()).isEqualTo(691999L);
        assertThat(names.lookup("LOCATION", "Britain").place().subtype()).isEqualTo("COUNTRY");
        assertThat(names.lookup("LOCATION", "Donetsk region").place().subtype()).isEqualTo("STATE_OR_PROVINCE");
        KnownNames.Known donbas = names.lookup("LOCATION", "Donbass");
        assertThat(donbas.place()).isNull();
        assertThat(donbas.countryCode()).isNull();
    }

    @Test
    void nationalitiesNameTheirCountry() {
        assertThat(names.lookup("NORP", "Ukrainians").countryCode()).isEqualTo("UA");
        assertThat(names.lookup("NORP", "Russian").countryCode()).isEqualTo("RU");
        assertThat(names.lookup("NORP", "Britons")).extracting(KnownNames.Known::name, KnownNames.Known::countryCode)
                .containsExactly("British", "GB");
        assertThat(names.lookup("NORP", "Europeans")).extracting(KnownNames.Known::name, KnownNames.Known::countryCode)
                .containsExactly("European", null);
        assertThat(names.lookup("NORP", "Ukrainian").place()).isNull();
    }
}
