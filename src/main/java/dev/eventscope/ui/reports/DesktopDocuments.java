package dev.eventscope.ui.reports;

import javafx.application.HostServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** Opens a file or folder with the desktop's default application (set by the app at start; absent in tests). */
public final class DesktopDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopDocuments.class);
    private static volatile HostServices hostServices;

    private DesktopDocuments() {
    }

    public static void use(HostServices services) {
        hostServices = services;
    }

    public static void show(Path file) {
        HostServices services = hostServices;
        if (services == null) {
            LOG.info("no desktop to open {} with", dev.eventscope.ui.ShownText.of(file));
            return;
        }
        services.showDocument(file.toUri().toString());
    }
}
