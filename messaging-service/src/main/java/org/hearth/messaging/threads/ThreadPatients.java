package org.hearth.messaging.threads;

import java.util.Map;
import java.util.Optional;
import org.hearth.platform.audit.PatientOfResource;
import org.springframework.stereotype.Component;

/** A request on a patient's thread (its messages, attachments, members) is an access to that patient's data. */
@Component
class ThreadPatients implements PatientOfResource {

    private static final String THREADS = "/api/messaging/v1/threads/{";

    private final Threads threads;

    ThreadPatients(Threads threads) {
        this.threads = threads;
    }

    @Override
    public Optional<String> patientOf(String route, Map<String, String> variables) {
        if (!route.startsWith(THREADS)) {
            return Optional.empty();
        }
        String id = variables.containsKey("threadId") ? variables.get("threadId") : variables.get("id");
        return id == null ? Optional.empty() : threads.find(id).map(ChatThread::patientId);
    }
}
