package org.hearth.messaging.mail;

import java.time.Instant;
import org.hearth.platform.tenancy.TenantOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Someone who signed in: their email (from the token's {@code email} claim), when last seen, when last mailed. */
@Document("people")
public record Person(@Id String subject, String tenantId, String email, Instant lastSeenAt, Instant lastMailedAt)
        implements TenantOwned {}
