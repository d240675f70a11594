package dev.eventscope.ui.welcome;

import java.nio.file.Path;

/** What the welcome screen asks of the window that owns it. */
public interface LedgerOpener {

    void open(Path file, boolean readOnly);

    void openSample(Path sample, boolean readOnly);

    void createNew(Path file);
}
