package org.hearth.platform.tenancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

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
    public record StoredFile(String id, byte[] content, String contentType, Document metadata) {}

    /** @return the new file's id */
    public String store(byte[] content, String filename, String contentType, Document metadata) {
        Document scoped = new Document(metadata)
                .append(TenantOwned.FIELD, TenantContext.current().value());
        return gridFs.store(new ByteArrayInputStream(content), filename, contentType, scoped)
                .toHexString();
    }

    /** What was said about a file when it was stored, without reading its content. */
    public Optional<Document> metadata(String id) {
        return find(id).map(GridFSFile::getMetadata);
    }

    /**
     * The id of this agency's file whose metadata {@code field} equals {@code value} (the first stored, if several),
     * e.g. the file an earlier request with the same Idempotency-Key stored.
     */
    public Optional<String> idWhere(String field, String value) {
        return Optional.ofNullable(gridFs.findOne(query(where("metadata." + field)
                                .is(value)
                                .and("metadata." + TenantOwned.FIELD)
                                .is(TenantContext.current().value()))
                        .with(Sort.by("uploadDate", "_id"))))
                .map(f -> f.getObjectId().toHexString());
    }

    public Optional<StoredFile> load(String id) {
        GridFSFile file = find(id).orElse(null);
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

    private Optional<GridFSFile> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(gridFs.findOne(query(where("_id")
                .is(new ObjectId(id))
                .and("metadata." + TenantOwned.FIELD)
                .is(TenantContext.current().value()))));
    }
}
