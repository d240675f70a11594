package dev.eventscope.bootstrap;

import dev.eventscope.ui.EventscopeApp;

/** Starts the desktop explorer with ledgers stored as SQLite files. */
public final class DesktopMain {

    private DesktopMain() {
    }

    public static void main(String[] args) {
        EventscopeApp.launchWith(new SqliteLedgerStoreFactory(), args);
    }
}
