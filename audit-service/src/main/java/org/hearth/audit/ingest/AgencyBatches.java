package org.hearth.audit.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.audit.chain.ChainStore;

/**
 * The audit records of one poll, grouped by agency in the order they came, each remembering its position in the poll:
 * a group is appended to its agency's chain in one go, and when a group cannot be written the position of its first
 * record (or of an earlier record of a group not written yet) is where the poll must be taken up again.
 */
final class AgencyBatches {

    private final Map<String, List<ChainStore.Pending>> records = new LinkedHashMap<>();
    private final Map<String, Integer> firstPosition = new LinkedHashMap<>();

    private int position;

    /** The records added from now on come from this position of the poll. */
    void at(int position) {
        this.position = position;
    }

    void add(String agency, ChainStore.Pending record) {
        records.computeIfAbsent(agency, a -> new ArrayList<>()).add(record);
        firstPosition.putIfAbsent(agency, position);
    }

    /**
     * Hands each agency's records to {@code append}, then forgets them. Empty when all were written; else the position
     * from which the poll must be read again (every record before it is written; written ones after it come again and
     * are found stored) and the failure.
     */
    Optional<Unwritten> writeAll(Appender append) {
        List<String> agencies = List.copyOf(records.keySet());
        for (int i = 0; i < agencies.size(); i++) {
            String agency = agencies.get(i);
            try {
                append.append(agency, records.get(agency));
            } catch (RuntimeException e) {
                int from = agencies.subList(i, agencies.size()).stream()
                        .mapToInt(firstPosition::get)
                        .min()
                        .orElseThrow();
                return Optional.of(new Unwritten(from, e));
            }
        }
        records.clear();
        firstPosition.clear();
        return Optional.empty();
    }

    /** Records from {@code position} of the poll on may not be written, because of {@code failure}. */
    record Unwritten(int position, RuntimeException failure) {}

    @FunctionalInterface
    interface Appender {
        void append(String agency, List<ChainStore.Pending> records);
    }
}
