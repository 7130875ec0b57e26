package org.hearth.gateway.fhir;

import java.time.Instant;
import java.util.List;

/**
 * One Bulk Data export, as kept in its {@code job.json}: who asked (only that client and subject of that agency may
 * poll it and download its files), what was asked, how far it got and what it produced. Holds no token and no PHI.
 */
record ExportJob(
        String id,
        String client,
        String subject,
        String agency,
        Level level,
        List<String> types,
        Instant since,
        String request,
        String base,
        Status status,
        String progress,
        Instant transactionTime,
        Instant finishedAt,
        Instant expiresAt,
        List<File> output,
        List<File> error,
        String failure) {

    enum Level {
        SYSTEM,
        PATIENT
    }

    enum Status {
        ACCEPTED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    /** One NDJSON file of one resource type, with its number of lines. */
    record File(String type, String name, long count) {}

    ExportJob {
        types = List.copyOf(types);
        output = List.copyOf(output);
        error = List.copyOf(error);
    }

    boolean ownedBy(String client, String subject, String agency) {
        return this.client.equals(client) && this.subject.equals(subject) && this.agency.equals(agency);
    }

    boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }

    ExportJob running(String progress) {
        return new ExportJob(
                id,
                client,
                subject,
                agency,
                level,
                types,
                since,
                request,
                base,
                Status.RUNNING,
                progress,
                transactionTime,
                finishedAt,
                expiresAt,
                output,
                error,
                failure);
    }

    ExportJob completed(List<File> output, List<File> error, Instant at, Instant expiresAt) {
        return new ExportJob(
                id,
                client,
                subject,
                agency,
                level,
                types,
                since,
                request,
                base,
                Status.COMPLETED,
                "done",
                transactionTime,
                at,
                expiresAt,
                output,
                error,
                null);
    }

    ExportJob failed(String failure, Instant at, Instant expiresAt) {
        return new ExportJob(
                id,
                client,
                subject,
                agency,
                level,
                types,
                since,
                request,
                base,
                Status.FAILED,
                "failed",
                transactionTime,
                at,
                expiresAt,
                output,
                error,
                failure);
    }
}
