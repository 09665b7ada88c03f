package io.sitrep.entities.api;

import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.resolve.DocumentEntity;

import java.util.ArrayList;
import java.util.List;

/** An unstored {@link Analysis} as the API shows it (no entity ids). */
final class AnalysisViews {

    private AnalysisViews() {
    }

    static AnalyzeResult of(Analysis a) {
        List<EntityMentions> entities = new ArrayList<>(a.entities().size());
        for (int i = 0; i < a.entities().size(); i++) {
            DocumentEntity e = a.entities().get(i);
            entities.add(new EntityMentions(null, e.displayName(), e.type(), Analysis.surfaces(e), round(a.salience().get(i)),
                    e.mentions().stream().map(m -> new MentionView(m.surface(), m.start(), m.end(), m.sentence(), m.segment())).toList()));
        }
        var roles = a.roles().stream().map(r -> new RoleView(null, r.person().surface(), r.title(), r.organisation(),
                r.titleStart(), r.titleEnd())).toList();
        var quotes = a.quotes().stream().map(q -> new QuoteView(null, q.speaker() == null ? null : q.speaker().surface(),
                q.verb(), q.start(), q.end(), a.text().substring(q.start(), q.end()), q.rule())).toList();
        var dates = a.dates().stream().map(d -> new DateView(d.start(), d.end(), d.surface(), d.date(), d.lastDay(), d.rule()))
                .toList();
        return new AnalyzeResult(a.extraction().tokens(), a.extraction().sentences(), entities, roles, quotes, dates);
    }

    static double round(double salience) {
        return Math.round(salience * 10_000) / 10_000.0;
    }
}
