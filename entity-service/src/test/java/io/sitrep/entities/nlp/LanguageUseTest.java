package io.sitrep.entities.nlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageUseTest {

    /** The text's first "Russian" or "Ukrainian" is the mention. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "He said in Russian that the talks were over.|true",
            "The statement was published in Ukrainian and English.|true",
            "She answered in Russian.|true",
            "The letter was translated from Ukrainian by volunteers.|true",
            "A Russian-language channel reported the strike.|true",
            "Ukrainian speakers were told to leave.|true",
            "He spoke Ukrainian at home.|true",
            "Russian troops advanced on the town.|false",
            "The drones fell in Russian territory.|false",
            "The Russian said nothing.|false",
            "Ukrainian officials confirmed the strike.|false",
            "He served in Russian Orthodox parishes.|false",
            "Russian|false",
    })
    void languagesAreToldFromNationalities(String text, boolean language) {
        int start = text.indexOf("Russian") >= 0 ? text.indexOf("Russian") : text.indexOf("Ukrainian");
        int end = start + (text.startsWith("Russian", start) ? "Russian".length() : "Ukrainian".length());
        assertThat(LanguageUse.isLanguage(text, start, end)).isEqualTo(language);
    }
}
