package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.PostgresOptions;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a ledger in the store its name calls for: a {@code postgresql://} URL opens the PostgreSQL
 * ledger in that schema, anything else is a SQLite file. The one place where the command line
 * meets both store adapters.
 */
public final class LedgerStores implements LedgerStoreFactory {

    private final LedgerStoreFactory files = new SqliteLedgerStoreFactory();

    /** An existing PostgreSQL ledger is opened, never created: a mistyped schema must not become a new ledger. */
    @Override
    public EventStore open(Path ledger) {
        return LedgerStoreFactory.isServerLedger(ledger)
                ? PostgresEventStore.open(url(ledger), PostgresOptions.defaults(), false) : files.open(ledger);
    }

    @Override
    public EventStore openReadOnly(Path ledger) {
        return LedgerStoreFactory.isServerLedger(ledger)
                ? PostgresEventStore.open(url(ledger), PostgresOptions.defaults(), true) : SqliteEventStore.openReadOnly(ledger);
    }

    @Override
    public EventStore create(Path ledger) {
        return LedgerStoreFactory.isServerLedger(ledger)
                ? PostgresEventStore.create(url(ledger), PostgresOptions.defaults()) : files.create(ledger);
    }

    @Override
    public List<String> grantRoles(Path ledger) {
        return LedgerStoreFactory.isServerLedger(ledger)
                ? PostgresEventStore.grantRoles(url(ledger), PostgresOptions.defaults()) : files.grantRoles(ledger);
    }

    @Override
    public Path serverLedger(String urlText, String user) {
        PostgresLedgerUrl url = PostgresLedgerUrl.parse(urlText.strip());
        String login = user == null || user.isBlank() ? url.user() : user.strip();
        return Path.of(new PostgresLedgerUrl(login, url.host(), url.port(), url.database(), url.schema()).toString());
    }

    @Override
    public EventStore openServer(Path ledger, boolean readOnly, char[] password) {
        if (!LedgerStoreFactory.isServerLedger(ledger)) {
            return LedgerStoreFactory.super.openServer(ledger, readOnly, password);
        }
        return PostgresEventStore.open(url(ledger), PostgresOptions.defaults().withPassword(password), readOnly);
    }

    /** The ledger's name as the person typed it: a URL unfolded, a path as it is. */
    static String name(Path ledger) {
        return LedgerStoreFactory.isServerLedger(ledger) ? url(ledger).toString() : ledger.toString();
    }

    /** The URL a path was made of: a path folds "postgresql://" into "postgresql:/", which is unfolded here. */
    static PostgresLedgerUrl url(Path ledger) {
        String text = ledger.toString();
        if (text.startsWith("postgresql:/") && !text.startsWith(PostgresLedgerUrl.SCHEME)) {
            text = PostgresLedgerUrl.SCHEME + text.substring("postgresql:/".length());
        }
        return PostgresLedgerUrl.parse(text);
    }
}
