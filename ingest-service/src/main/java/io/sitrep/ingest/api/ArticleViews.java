package io.sitrep.ingest.api;

import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.Segment;
import io.sitrep.ingest.store.ArticleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Arrays;
import java.util.List;

/** Builds the article representations: a summary for lists, the full view for one article. */
@ApplicationScoped
public class ArticleViews {

    /** A story group larger than this is shown by its first members only. */
    static final int MAX_GROUP_MEMBERS = 50;

    private final ArticleRepository articles;
    private final EntityManager em;

    ArticleViews(ArticleRepository articles, EntityManager em) {
        this.articles = articles;
        this.em = em;
    }

    public ArticleView summary(Article a) {
        return view(a, null, null, null);
    }

    public ArticleView full(Article a) {
        List<ArticleView.Member> members = articles.find("storyGroupId = ?1 order by receivedAt, id", a.storyGroupId)
                .page(0, MAX_GROUP_MEMBERS).list().stream()
                .map(m -> new ArticleView.Member(m.id, m.title, m.source, m.receivedAt, m.storySimilarity))
                .toList();
        List<ArticleView.SegmentView> segments = em.createQuery(
                        "from Segment where articleId = ?1 order by ordinal", Segment.class)
                .setParameter(1, a.id).getResultList().stream()
                .map(s -> new ArticleView.SegmentView(s.ordinal, s.headline, s.startOffset, s.endOffset, s.occurredAt,
                        s.clockZone))
                .toList();
        return view(a, new ArticleView.StoryGroup(a.storyGroupId, members), segments, a.cleanText);
    }

    private static ArticleView view(Article a, ArticleView.StoryGroup group, List<ArticleView.SegmentView> segments,
            String text) {
        ArticleView.Dateline dateline = a.datelinePlace == null && a.datelineDate == null ? null
                : new ArticleView.Dateline(a.datelinePlace,
                        a.datelineAgencies == null || a.datelineAgencies.isEmpty() ? List.of()
                                : Arrays.asList(a.datelineAgencies.split("\n")),
                        a.datelineDate);
        return new ArticleView(a.id, a.title, a.byline, a.source, a.url, a.contentType,
                new ArticleView.Published(a.publishedAt, a.publishedSource, a.publishedEvidence), dateline,
                a.language, a.languageConfidence, a.status, a.statusReason, a.deliveryAttempts, a.receivedAt,
                a.updatedAt, group, segments, text);
    }
}
