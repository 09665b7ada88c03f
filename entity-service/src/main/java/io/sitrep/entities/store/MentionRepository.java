package io.sitrep.entities.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.sitrep.entities.domain.Mention;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MentionRepository implements PanacheRepository<Mention> {

    public List<Mention> ofDocument(UUID articleId) {
        return list("articleId = ?1 order by startOffset, id", articleId);
    }

    public long deleteOfDocument(UUID articleId) {
        return delete("articleId", articleId);
    }
}
