package org.hearth.infra.demo;

import java.util.ArrayList;
import java.util.List;

/** What each step found or created, for the summary and for tests that check a second run creates nothing. */
final class Ledger {

    enum Outcome {
        CREATED,
        FOUND
    }

    record Entry(String agency, String what, Outcome outcome) {}

    private final List<Entry> entries = new ArrayList<>();
    private String agency = "";

    void agency(String name) {
        agency = name;
    }

    void created(String what) {
        entries.add(new Entry(agency, what, Outcome.CREATED));
    }

    void found(String what) {
        entries.add(new Entry(agency, what, Outcome.FOUND));
    }

    void record(boolean created, String what) {
        if (created) {
            created(what);
        } else {
            found(what);
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    long created() {
        return entries.stream().filter(e -> e.outcome() == Outcome.CREATED).count();
    }

    String summary() {
        StringBuilder text = new StringBuilder();
        String current = null;
        for (Entry entry : entries) {
            if (!entry.agency().equals(current)) {
                current = entry.agency();
                text.append(current).append('\n');
            }
            text.append("  ")
                    .append(entry.outcome() == Outcome.CREATED ? "created " : "present ")
                    .append(entry.what())
                    .append('\n');
        }
        return text.append(created())
                .append(" created, ")
                .append(entries.size() - created())
                .append(" already present")
                .toString();
    }
}
