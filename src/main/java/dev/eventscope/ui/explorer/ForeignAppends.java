package dev.eventscope.ui.explorer;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Tells this window's own appends (its command forms, imports, seals, sandbox proposals) from another process's: of
 * every run of new positions the store announces, those the session did not append itself become a {@link Notice}
 * ("3 events appended by another process (user bob)"), which the explorer shows as a notification.
 */
public final class ForeignAppends implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignAppends.class);
    /** The users are read from at most this many of the other process's events. */
    private static final int USERS_FROM = 50;

    /** What another process appended: how many events, the first and last of their positions, who recorded them. */
    public record Notice(long events, long firstPosition, long lastPosition, TreeSet<String> users) {

        public String text() {
            String count = events == 1 ? "1 event appended" : String.format("%,d events appended", events);
            String who = users.isEmpty() ? "" : (users.size() == 1 ? " (user " : " (users ") + String.join(", ", users) + ")";
            String where = events == 1 ? " at #" + firstPosition : " at #" + firstPosition + "–#" + lastPosition;
            return count + " by another process" + who + where + ".";
        }
    }

    private final LedgerSession session;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<Notice> latest = new ReadOnlyObjectWrapper<>();
    private AutoCloseable subscription;
    private volatile boolean closed;

    public ForeignAppends(LedgerSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** Listens from now on; appends before this call are not news. */
    public void start() {
        subscription = session.subscribe((fromPosition, toPosition) ->
                executor.onUiThread(() -> executor.run(() -> foreign(fromPosition, toPosition), notice -> {
                    if (!closed && notice.isPresent()) {
                        latest.set(notice.get());
                    }
                }, failure -> LOG.info("could not tell who appended #{}–#{}: {}", fromPosition, toPosition, failure.toString()))));
    }

    private Optional<Notice> foreign(long fromPosition, long toPosition) throws InterruptedException {
        long events = 0;
        long first = 0;
        long last = 0;
        TreeSet<String> users = new TreeSet<>();
        for (long position = fromPosition; position <= toPosition; position++) {
            if (session.appendedHere(position)) {
                continue;
            }
            events++;
            first = first == 0 ? position : first;
            last = position;
            if (events <= USERS_FROM) {
                session.readAt(position).map(event -> event.metadata().user()).filter(user -> !user.isBlank()).ifPresent(users::add);
            }
        }
        return events == 0 ? Optional.empty() : Optional.of(new Notice(events, first, last, users));
    }

    /** The other process's latest appends (a new value for every run announced). */
    public ReadOnlyObjectProperty<Notice> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the subscription failed: {}", e.toString());
            }
            subscription = null;
        }
    }
}
