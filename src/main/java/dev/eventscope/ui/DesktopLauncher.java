package dev.eventscope.ui;

import dev.eventscope.application.LedgerStoreFactory;

import java.util.ServiceLoader;

/**
 * A plain entry point (not an {@code Application}, so it starts from the class path and from a
 * jpackage launcher). It finds the ledger store through {@link ServiceLoader}; the bootstrap
 * package registers the SQLite one. {@code dev.eventscope.bootstrap.DesktopMain} wires it directly.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        LedgerStoreFactory factory = ServiceLoader.load(LedgerStoreFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ledger store is on the class path"));
        EventscopeApp.launchWith(factory, args);
    }
}
