package io.sitrep.query.api;

import io.sitrep.query.search.SearchFilter;
import io.sitrep.query.store.EntityDirectory;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The filter parameters shared by search and its export. */
public class SearchParams {

    @QueryParam("q")
    @Size(max = 500)
    @Parameter(description = "Web-search syntax: words, \"quoted phrases\", OR, -excluded. Optional when a filter is given.",
            example = "Bakhmut -Soledar")
    public String q;

    @QueryParam("entityId")
    @Parameter(description = "Repeatable; every entity must occur in the document (merged ids resolve to their target)",
            example = "42")
    public List<String> entityId;

    @QueryParam("type")
    @Size(max = 32)
    @Parameter(description = "An entity of this type must occur", example = "PERSON")
    public String type;

    @QueryParam("source")
    @Parameter(description = "Repeatable: any of these sources", example = "Example Wire")
    public List<String> source;

    @QueryParam("language")
    @Size(max = 8)
    @Parameter(example = "en")
    public String language;

    @QueryParam("publishedFrom")
    @Parameter(description = "ISO date or instant, inclusive; for live-blog entries their own time counts",
            example = "2024-01-01")
    public String publishedFrom;

    @QueryParam("publishedTo")
    @Parameter(description = "ISO date (that whole day included) or instant (exclusive)", example = "2024-03-31")
    public String publishedTo;

    @QueryParam("storyGroup")
    @Parameter(description = "Only documents of this ingest story group (syndicated copies and near duplicates of one "
            + "story share it; see storyGroupId on hits)", example = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d")
    public String storyGroup;

    @QueryParam("eventFrom")
    @Parameter(description = "When the reported event happened, not when it was published: ISO date or instant, "
            + "inclusive. A live-blog entry matches by its own time or a dated statement in it; an article by a dated "
            + "statement (a date in its text, resolved by entity-service), whose whole day must overlap the range",
            example = "2024-03-01")
    public String eventFrom;

    @QueryParam("eventTo")
    @Parameter(description = "ISO date (that whole day included) or instant (exclusive); see eventFrom",
            example = "2024-03-08")
    public String eventTo;

    @QueryParam("sort")
    @Parameter(description = "relevance (default with q) or time (newest first; default without q)",
            example = "relevance")
    public String sort;

    private static final java.time.Instant FIRST_DAY = java.time.Instant.parse("0001-01-01T00:00:00Z");
    private static final java.time.Instant AFTER_LAST_DAY = java.time.Instant.parse("+10000-01-01T00:00:00Z");

    private static void checkCalendar(String path, String name, java.time.Instant value) {
        if (value != null && (value.isBefore(FIRST_DAY) || value.isAfter(AFTER_LAST_DAY))) {
            throw ApiErrors.badRequest(path, name, "must lie between the years 1 and 9999");
        }
    }

    SearchFilter toFilter(String path, EntityDirectory directory) {
        String query = Params.blankToNull(q);
        List<Long> canonical = new ArrayList<>();
        for (Long id : Params.ids(path, "entityId", entityId, 20)) {
            EntityDirectory.Canonical c = directory.visible(id)
                    .orElseThrow(() -> ApiErrors.notFound(path, "No entity " + id));
            if (!canonical.contains(c.entityId())) {
                canonical.add(c.entityId());
            }
        }
        List<String> sources = source == null ? List.of()
                : source.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (sources.size() > 50 || sources.stream().anyMatch(s -> s.length() > 200)) {
            throw ApiErrors.badRequest(path, "source", "at most 50 sources of up to 200 characters");
        }
        TimeRange range = TimeRange.parse(path, "publishedFrom", publishedFrom, "publishedTo", publishedTo);
        TimeRange events = TimeRange.parse(path, "eventFrom", eventFrom, "eventTo", eventTo);
        // Compared with calendar days (dated statements), so it must lie in the years 1 to 9999.
        checkCalendar(path, "eventFrom", events.from());
        checkCalendar(path, "eventTo", events.to());
        java.util.UUID group = Params.uuid(path, "storyGroup", storyGroup);
        String entityType = Params.blankToNull(type);
        String lang = Params.blankToNull(language);
        if (query == null && canonical.isEmpty() && entityType == null && sources.isEmpty() && lang == null
                && range.from() == null && range.to() == null && group == null && events.from() == null
                && events.to() == null) {
            throw ApiErrors.badRequest(path, "q", "must not be blank unless a filter is given");
        }
        SearchFilter.Sort order;
        String s = sort == null ? (query == null ? "time" : "relevance") : sort.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "relevance" -> order = SearchFilter.Sort.RELEVANCE;
            case "time" -> order = SearchFilter.Sort.TIME;
            default -> throw ApiErrors.badRequest(path, "sort", "must be relevance or time");
        }
        return new SearchFilter(query, canonical, entityType == null ? null : entityType.toUpperCase(Locale.ROOT),
                sources, lang, range.from(), range.to(), group, events.from(), events.to(), order);
    }
}
