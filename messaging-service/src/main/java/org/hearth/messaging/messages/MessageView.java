package org.hearth.messaging.messages;

import java.time.Instant;
import java.util.List;

/**
 * A message as a participant reads it: the text decrypted (none once deleted), receipts, the urgent state, and for a
 * notice to the family its facts (to be worded in the reader's language).
 */
public record MessageView(
        String id,
        String threadId,
        String author,
        String body,
        Instant sentAt,
        Instant editedAt,
        boolean deleted,
        int revisions,
        List<Message.Receipt> readBy,
        Message.Urgent urgent,
        List<String> attachmentIds,
        Message.Notice notice) {}
