package io.sitrep.ingest.pipeline;

import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import io.sitrep.ingest.store.ArticleRepository;
import io.sitrep.ingest.store.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Stores an accepted article and queues it for entity-service in one transaction. */
@ApplicationScoped
public class ArticleIntake {

    private final ArticleRepository articles;
    private final Outbox outbox;

    ArticleIntake(ArticleRepository articles, Outbox outbox) {
        this.articles = articles;
        this.outbox = outbox;
    }

    public record Incoming(String title, String body, String url, String source, Instant publishedAt,
            String language) {
    }

    @Transactional
    public Article accept(Incoming in) {
        String clean = TextNormalizer.normalize(in.body());
        if (clean.isEmpty()) {
            throw new RejectedInputException("empty-article", "The article has no text once whitespace is removed");
        }
        Instant now = Instant.now();
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.title = in.title() != null ? in.title().strip() : firstLineAsTitle(clean);
        article.url = in.url();
        article.source = in.source();
        article.publishedAt = in.publishedAt();
        article.language = in.language();
        article.rawText = in.body();
        article.cleanText = clean;
        article.status = ArticleStatus.RECEIVED;
        article.receivedAt = now;
        article.updatedAt = now;
        articles.persist(article);
        articles.flush();
        outbox.enqueue(article.id);
        return article;
    }

    /** Scraped text starts with its headline; a short first line without a final period is one. */
    static String firstLineAsTitle(String clean) {
        String first = clean.lines().findFirst().orElse("").strip();
        boolean headlineLike = !first.isEmpty() && first.length() <= 200 && !first.endsWith(".");
        return headlineLike ? first : null;
    }
}
