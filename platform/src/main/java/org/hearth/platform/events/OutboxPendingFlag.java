package org.hearth.platform.events;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * Sets {@link OutboxEntry#PENDING} on a document that is inserted or replaced with outbox entries, in that same
 * write, so repositories that build a document with its first events need not know about the flag. Appends through
 * {@link Outbox#append} set it in the update itself.
 */
public class OutboxPendingFlag implements BeforeSaveCallback<Object> {

    @Override
    public Object onBeforeSave(Object entity, Document document, String collection) {
        if (document.get(OutboxEntry.FIELD) instanceof List<?> entries && !entries.isEmpty()) {
            document.put(OutboxEntry.PENDING, true);
        }
        return entity;
    }
}
