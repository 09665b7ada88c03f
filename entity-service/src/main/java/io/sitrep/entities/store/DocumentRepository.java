package io.sitrep.entities.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sitrep.entities.domain.Document;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {
}
