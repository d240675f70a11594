package dev.eventscope.bootstrap;

import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.EventscopeApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop explorer with ledgers stored as SQLite files or on a PostgreSQL server, their read
 * models beside them or in the user's cache (wired
 * here, explicitly). Its log goes to
 * {@code $XDG_STATE_HOME/eventscope/logs/eventscope.log} (see {@link DesktopLogging}).
 */
public final class DesktopMain {

    private DesktopMain() {
    }

    public static void main(String[] args) {
        DesktopLogging.configure(StateDirectory.logDirectoryFromEnvironment());
        Logger log = LoggerFactory.getLogger(DesktopMain.class);
        String version = DesktopMain.class.getPackage().getImplementationVersion();
        log.info("Eventscope {} starting on Java {} ({}), samples folder {}", version == null ? "(development build)" : version,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("eventscope.samples", "./sample-data"));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> log.error("Unexpected error in thread {}", thread.getName(), error));
        EventscopeApp.launchWith(new LedgerSessions(new LedgerStores(), new ReadModelStores(), new SqliteSearchIndexFactory()),
                args);
        log.info("Eventscope closed");
    }
}
