package org.hearth.platform.store;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Which failures mean "the store cannot be reached now, try again later" rather than a bug: no server selected in
 * time, a broken or timed-out socket, no primary during an election. Spring Data translates most of them into
 * {@link DataAccessResourceFailureException}; code that calls the driver directly sees the driver's own.
 *
 * <p>A write that failed this way may or may not have been applied (the server can have stored it before the
 * connection broke); a retry with the same {@code Idempotency-Key} settles it.
 */
public final class StoreUnavailable {

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            MongoTimeoutException.class,
            MongoSocketException.class,
            MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class,
            MongoExecutionTimeoutException.class,
            MongoOperationTimeoutException.class,
            DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class,
            QueryTimeoutException.class);

    private StoreUnavailable() {}

    /** True when {@code failure} or one of its causes says the store is unreachable. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (TRANSIENT.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}
