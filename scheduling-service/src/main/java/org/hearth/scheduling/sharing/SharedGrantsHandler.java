package org.hearth.scheduling.sharing;

import org.hearth.platform.events.IncomingEvent;
import org.hearth.platform.events.MalformedEventException;
import org.hearth.scheduling.sharing.SharingEventsV1.SharingGrantedV1;
import org.hearth.scheduling.sharing.SharingEventsV1.SharingRevokedV1;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps scheduling's copy of the sharing grants in step with hearth.patient.events (routed by the service's one
 * consumer of that topic). A grant is stored as the document of the agency that published it: a body naming another
 * owner than the event's agency is refused (dead-lettered), never stored under either.
 */
@Component
public class SharedGrantsHandler {

    private static final Logger log = LoggerFactory.getLogger(SharedGrantsHandler.class);

    private final SharedGrants grants;

    SharedGrantsHandler(SharedGrants grants) {
        this.grants = grants;
    }

    public void granted(IncomingEvent event, SharingGrantedV1 granted) {
        if (!event.tenant().value().equals(granted.ownerAgency())) {
            throw new MalformedEventException(event.type() + " " + event.id() + " names another owner than its agency");
        }
        logged(event, grants.apply(event.id(), granted));
    }

    public void revoked(IncomingEvent event, SharingRevokedV1 revoked) {
        logged(event, grants.apply(event.id(), revoked));
    }

    private static void logged(IncomingEvent event, boolean applied) {
        if (applied) {
            log.info("{} {} applied to the sharing grants of patient {}", event.type(), event.id(), event.subject());
        }
    }
}
