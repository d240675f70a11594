package dev.eventscope.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Sends the desktop app's log to {@code eventscope.log} in the XDG state directory (the previous run's
 * log is kept as {@code eventscope.previous.log}). Must run before the first logger is created, because
 * slf4j-simple reads {@code org.slf4j.simpleLogger.logFile} once. The command line does not call this:
 * it keeps writing warnings to standard error.
 */
final class DesktopLogging {

    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String LOG_FILE_NAME = "eventscope.log";

    private DesktopLogging() {
    }

    /**
     * Points slf4j-simple at the log file in {@code logDirectory} unless a log file was configured
     * already; returns the log file, or empty when the directory cannot be created (then logging stays on
     * standard error).
     */
    static Optional<Path> configure(Path logDirectory) {
        System.setProperty(StateDirectory.LOG_DIRECTORY_PROPERTY, logDirectory.toString());
        if (System.getProperty(LOG_FILE_PROPERTY) != null) {
            return Optional.empty();
        }
        Path logFile = logDirectory.resolve(LOG_FILE_NAME);
        try {
            Files.createDirectories(logDirectory);
            if (Files.exists(logFile)) {
                Files.move(logFile, logDirectory.resolve("eventscope.previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "info");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        return Optional.of(logFile);
    }
}
