package io.sitrep.entities.nlp;

import java.util.Optional;
import java.util.Set;

/**
 * The type a multi-word name's head word gives it, whatever the CRF said of each occurrence: names of
 * events, awards and agreements are MISC in the CoNLL scheme the model follows ("Battle of Antietam",
 * "Image Awards", "Paris Agreement"), names ending in a geographic feature are places ("Potomac River",
 * "Celtic Sea", "H Street"), and names ending in an organisation word are organisations ("Virgin Records",
 * "Air Defense Command"). Keys are normalised names ({@link NameNormalizer}).
 */
final class HeadWords {
    static final String MISC = "MISC", LOCATION = "LOCATION";

    /** Heads that lead the name: "Battle of X", "Siege of X". */
    private static final Set<String> EVENT_LEADS = Set.of("battle", "siege", "treaty", "war");
    private static final Set<String> EVENT_HEADS = Set.of(
            "award", "awards", "prize", "trophy", "medal", "championship", "championships", "olympics",
            "festival", "cup", "cups", "prix", "agreement", "accord", "accords", "treaty", "amendment", "war", "campaign", "offensive");
    private static final Set<String> PLACE_LEADS = Set.of("gulf", "bay", "isle", "lake", "mount", "strait", "cape");
    private static final Set<String> PLACE_HEADS = Set.of(
            "river", "lake", "pond", "brook", "creek", "sea", "seas", "ocean", "bay", "gulf", "strait", "canal",
            "island", "islands", "isles", "mountain", "mountains", "valley", "desert", "peninsula", "street",
            "road", "avenue", "boulevard", "square", "bridge", "dock", "docks", "harbour", "harbor", "county",
            "district", "airport", "beach", "plateau", "empire");
    private static final Set<String> ORG_HEADS = Set.of(
            "group", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "pmc", "party", "movement",
            "ministry", "council", "committee", "office", "agency", "institute", "university", "commission",
            "forces", "army", "navy", "bank", "service", "department", "battalion", "brigade", "regiment",
            "parliament", "assembly", "alliance", "organization", "organisation", "foundation", "union",
            "records", "recordings", "airlines", "airways", "association", "federation", "society", "club", "fc",
            "college", "academy", "division", "corps", "command", "squadron", "fleet", "police", "bureau",
            "authority", "administration", "court", "senate", "congress", "league", "network", "press", "fame");
    /** Organisation names that lead with their head word: "University of X", "Ministry of X". */
    private static final Set<String> ORG_LEADS = Set.of(
            "university", "ministry", "department", "bank", "council", "house", "college", "institute", "league");

    private HeadWords() {}

    static Optional<String> typeOf(String key) {
        int space = key.indexOf(' ');
        if (space < 0) return Optional.empty();
        String first = key.substring(0, space), last = key.substring(key.lastIndexOf(' ') + 1);
        boolean leadsWithOf = key.startsWith(first + " of ");
        if (EVENT_HEADS.contains(last) || (leadsWithOf && EVENT_LEADS.contains(first))) return Optional.of(MISC);
        if (ORG_HEADS.contains(last) || (leadsWithOf && ORG_LEADS.contains(first))) return Optional.of(TypeConsistency.ORGANIZATION);
        if (PLACE_HEADS.contains(last) || (leadsWithOf && PLACE_LEADS.contains(first))) return Optional.of(LOCATION);
        return Optional.empty();
    }
}
