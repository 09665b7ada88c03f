package io.sitrep.suite;

import java.util.Random;

/** Generated news-like articles for benchmarks: no third-party text, deterministic per seed. */
final class SyntheticArticles {

    private static final String[] PEOPLE = {"Ada Quill", "Tomas Brandt", "Leila Haddad", "Ivan Petrenko", "Mara Okafor",
            "Jonas Lind", "Sofia Marin", "Yusuf Demir", "Elena Sokolova", "Kwame Mensah"};
    private static final String[] PLACES = {"Port Elwin", "Carrow Island", "Stonebridge", "Velmora", "Northgate",
            "Ashford Bay", "Krasnaya Gora", "Lindholm", "Tarsk", "Westmarch"};
    private static final String[] ORGS = {"Northwind Lines", "the Harbour Authority", "the Red Cross", "the Defence Ministry",
            "the United Nations", "Atlas Logistics", "the City Council", "the Coast Guard"};
    private static final String[] VERBS = {"said", "told reporters", "announced", "warned", "confirmed", "denied"};
    private static final String[] CLAIMS = {"crossings would resume within days", "the convoy had reached the river",
            "supplies were running low in the eastern districts", "talks would continue next week",
            "the bridge remained closed to heavy vehicles", "shelling had intensified overnight",
            "evacuation buses left at dawn", "power had been restored to most homes"};

    private static final String[] NEWCOMER_FIRST = {"Maren", "Jakob", "Odile", "Rasmus", "Ilse", "Caspar", "Noor",
            "Teodor", "Saskia", "Emeric", "Liesel", "Bastian", "Ottilie", "Fenna", "Quentin", "Rowena", "Anselm",
            "Henrike", "Lorcan", "Mireille", "Severin", "Thea", "Ulrich", "Vesna", "Wendel"};
    private static final String[] NEWCOMER_LAST = {"Harrowgate", "Lindqvist", "Okonjo", "Brannock", "Castellane",
            "Dufrenne", "Ekwall", "Fairbrook", "Gallwey", "Hollenbeck", "Ingram", "Jessop", "Kettering", "Larchmont",
            "Merriweather", "Norbury", "Oakenshaw", "Pellham", "Quarrington", "Rushworth", "Stanmore", "Thistlewood",
            "Underhay", "Vickersby", "Wetherell", "Yardley", "Zellweger", "Ashcombe", "Blackwood", "Cromarty",
            "Dunmore", "Elsworth", "Fenwick", "Glenister", "Hawksley", "Ilchester", "Jellicoe", "Kirkwall",
            "Lockhart", "Mortlake"};

    private SyntheticArticles() {
    }

    /** The {@code k}-th of 1 000 distinct invented person names, none of them among the fixed names. */
    static String newcomer(int k) {
        return NEWCOMER_FIRST[k % NEWCOMER_FIRST.length] + " "
                + NEWCOMER_LAST[(k / NEWCOMER_FIRST.length) % NEWCOMER_LAST.length];
    }

    /** About {@code bytes} of plain text: a headline, a dateline and paragraphs of reported speech. */
    static String text(long seed, int bytes) {
        return text(seed, bytes, null);
    }

    /**
     * As {@link #text(long, int)}, but the first sentence quotes {@code newcomer}, a person none of the fixed
     * names: articles sharing a newcomer make entity-service resolve the same new name at about the same time.
     */
    static String text(long seed, int bytes, String newcomer) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(bytes + 200);
        b.append(pick(r, PLACES)).append(" talks stall as ").append(pick(r, ORGS)).append(" weighs options\n\n");
        b.append(pick(r, PLACES).toUpperCase()).append(", March ").append(1 + r.nextInt(28)).append(" (Wire) - ");
        if (newcomer != null) {
            b.append("City councillor ").append(newcomer).append(" said on Monday that ").append(pick(r, CLAIMS))
                    .append(". ");
        }
        while (b.length() < bytes) {
            b.append(pick(r, PEOPLE)).append(" of ").append(pick(r, ORGS)).append(' ').append(pick(r, VERBS))
                    .append(" on ").append(new String[] {"Monday", "Tuesday", "Wednesday"}[r.nextInt(3)])
                    .append(" that ").append(pick(r, CLAIMS)).append(" near ").append(pick(r, PLACES))
                    .append(", reference ").append(Long.toHexString(r.nextLong())).append(". ");
            if (r.nextInt(4) == 0) {
                b.append("\n\n");
            }
        }
        return b.toString();
    }

    static String html(long seed, int bytes) {
        String text = text(seed, bytes);
        String title = text.substring(0, text.indexOf('\n'));
        StringBuilder b = new StringBuilder("<html><head><title>").append(title)
                .append("</title><meta property=\"article:published_time\" content=\"2024-03-0").append(1 + seed % 9)
                .append("T08:00:00Z\"></head><body><nav><a href=\"/\">Home</a> | World | Connect with us</nav><article><h1>")
                .append(title).append("</h1>");
        for (String paragraph : text.substring(text.indexOf('\n') + 2).split("\n\n")) {
            b.append("<p>").append(paragraph).append("</p>\n");
        }
        return b.append("</article><aside>Advertisement</aside><footer>© Example</footer></body></html>").toString();
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
