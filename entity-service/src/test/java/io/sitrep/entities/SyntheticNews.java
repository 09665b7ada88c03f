package io.sitrep.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated news-like articles (invented people, places and organisations; titles, quotes, relative dates and
 * filler), so that speed can be measured on realistic shapes without any copyrighted text.
 */
final class SyntheticNews {

    private static final String[] FIRST = {"Odran", "Marta", "Ilya", "Selin", "Tomas", "Ayla", "Bogdan", "Nadia",
            "Kiran", "Lena", "Pavel", "Ines", "Dmitri", "Hanna", "Yusuf", "Greta"};
    private static final String[] LAST = {"Pike", "Kovalenko", "Marsh", "Duval", "Horak", "Esen", "Lindqvist",
            "Moreau", "Petrenko", "Quill", "Navarro", "Sato", "Brandt", "Okafor", "Rask", "Velde"};
    private static final String[] PLACES = {"Port Elwin", "Marrowgate", "Kestrel Bay", "Dunmore", "Velika Rika",
            "Ostrava", "Lisbon", "Kharkiv", "Berlin", "Nairobi", "Valletta", "Tromso"};
    private static final String[] ORGS = {"the Northern Alliance", "the Harbour Authority", "the Red Cross",
            "the United Nations", "the Ministry of Transport", "Elwin Rail", "the Coastal Guard", "NATO"};
    private static final String[] TITLES = {"Mayor", "Foreign Minister", "spokesperson", "General", "Governor",
            "chief executive"};
    private static final String[] DAYS = {"on Monday", "on Tuesday", "yesterday", "last week", "on May 3",
            "earlier this month"};
    private static final String[] FILLER = {"Officials said the talks would continue into the evening.",
            "Prices at the market rose again as supplies ran short.",
            "The road to the coast remained closed after the storm.",
            "Residents queued for water and fuel through the afternoon.",
            "The council is expected to vote on the budget next week.",
            "Rail services were suspended while engineers inspected the bridge."};

    private SyntheticNews() {
    }

    static List<String> corpus(int articles, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(articles);
        for (int i = 0; i < articles; i++) {
            out.add(article(r));
        }
        return out;
    }

    private static String article(Random r) {
        StringBuilder text = new StringBuilder();
        String lead = pick(r, FIRST) + " " + pick(r, LAST);
        String place = pick(r, PLACES);
        text.append(pick(r, TITLES)).append(' ').append(lead).append(" arrived in ").append(place).append(' ')
                .append(pick(r, DAYS)).append(" for talks with ").append(pick(r, ORGS)).append(".\n\n");
        int paragraphs = 4 + r.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            String person = pick(r, FIRST) + " " + pick(r, LAST);
            switch (r.nextInt(4)) {
                case 0 -> text.append('"').append(pick(r, FILLER)).append("\" ").append(person.split(" ")[1])
                        .append(" said ").append(pick(r, DAYS)).append('.');
                case 1 -> text.append(pick(r, ORGS).substring(0, 1).toUpperCase()).append(pick(r, ORGS).substring(1))
                        .append(" sent a delegation to ").append(pick(r, PLACES)).append(", according to ")
                        .append(pick(r, TITLES)).append(' ').append(person).append('.');
                case 2 -> text.append(lead.split(" ")[1]).append(" told reporters in ").append(place)
                        .append(" that \"").append(pick(r, FILLER)).append('"');
                default -> text.append(pick(r, FILLER)).append(' ').append(pick(r, FILLER));
            }
            text.append(' ').append(pick(r, FILLER)).append(' ').append(pick(r, FILLER)).append("\n\n");
        }
        return text.toString().strip();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
