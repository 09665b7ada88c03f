package io.sitrep.ingest.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** Oldest first, strictly after (afterReceivedAt, afterId) when given: a stable keyset page. */
    public List<Article> page(ArticleStatus status, Instant afterReceivedAt, UUID afterId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (afterReceivedAt != null) {
            where.add("(receivedAt > :at or (receivedAt = :at and id > :id))");
            params.and("at", afterReceivedAt).and("id", afterId);
        }
        String query = (where.isEmpty() ? "" : "where " + String.join(" and ", where)) + " order by receivedAt, id";
        return find(query, params).page(0, limit).list();
    }
}
