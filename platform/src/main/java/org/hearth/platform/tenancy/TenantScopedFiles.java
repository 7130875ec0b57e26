package org.hearth.platform.tenancy;

import org.bson.Document;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Files in GridFS, scoped to the current agency like every document: each file carries its {@code tenantId} in its
 * metadata and is found only by its own agency. Services store only what they may store (e.g. encrypted bytes).
 */
public class TenantScopedFiles {

    private final GridFsTemplate gridFs;

    public TenantScopedFiles(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    /** A stored file's bytes and what was said about it when stored. */
    public record StoredFile(String id, byte[] content, String contentType, Document metadata) {
    }

    /** @return the new file's id */
    public String store(byte[] content, String filename, String contentType, Document metadata) {
        Document scoped = new Document(metadata).append(TenantOwned.FIELD, TenantContext.current().value());
        return gridFs.store(new ByteArrayInputStream(content), filename, contentType, scoped).toHexString();
    }

    public Optional<StoredFile> load(String id) {
        if (!org.bson.types.ObjectId.isValid(id)) {
            return Optional.empty();
        }
        var file = gridFs.findOne(query(where("_id").is(new org.bson.types.ObjectId(id))
                .and("metadata." + TenantOwned.FIELD).is(TenantContext.current().value())));
        if (file == null) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(file);
        try (var in = resource.getInputStream()) {
            return Optional.of(new StoredFile(id, in.readAllBytes(), resource.getContentType(), file.getMetadata()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
