package dev.eventscope.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateDirectoryTest {

    private static final Path HOME = Path.of("/home/ann");

    @TempDir
    Path folder;

    @BeforeAll
    static void initialiseLoggingBeforeTheseTestsTouchItsProperties() {
        // slf4j-simple reads its properties once, at the first logger; do that now so this test cannot redirect other tests' logs
        LoggerFactory.getLogger(StateDirectoryTest.class);
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(DesktopLogging.LOG_FILE_PROPERTY);
        System.clearProperty(DesktopLogging.LEVEL_PROPERTY);
        System.clearProperty(StateDirectory.LOG_DIRECTORY_PROPERTY);
    }

    @Test
    void given_xdg_state_home_when_resolving_then_logs_live_under_it() {
        assertEquals(Path.of("/var/tmp/state/eventscope/logs"),
                StateDirectory.logDirectory(Map.of("XDG_STATE_HOME", "/var/tmp/state"), HOME));
    }

    @Test
    void given_no_xdg_state_home_when_resolving_then_logs_live_in_local_state() {
        assertEquals(Path.of("/home/ann/.local/state/eventscope/logs"), StateDirectory.logDirectory(Map.of(), HOME));
        assertEquals(Path.of("/home/ann/.local/state/eventscope/logs"),
                StateDirectory.logDirectory(Map.of("XDG_STATE_HOME", " "), HOME));
    }

    @Test
    void given_a_relative_xdg_state_home_when_resolving_then_it_is_ignored_as_the_spec_says() {
        assertEquals(Path.of("/home/ann/.local/state/eventscope/logs"),
                StateDirectory.logDirectory(Map.of("XDG_STATE_HOME", "relative/state"), HOME));
    }

    @Test
    void given_a_previous_log_when_the_desktop_app_starts_then_it_logs_to_a_fresh_file_and_keeps_the_previous_one() throws Exception {
        Path logs = folder.resolve("state").resolve("eventscope").resolve("logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("eventscope.log"), "last run\n");

        Optional<Path> logFile = DesktopLogging.configure(logs);

        assertEquals(Optional.of(logs.resolve("eventscope.log")), logFile);
        assertEquals(logs.resolve("eventscope.log").toString(), System.getProperty(DesktopLogging.LOG_FILE_PROPERTY));
        assertEquals(logs.toString(), System.getProperty(StateDirectory.LOG_DIRECTORY_PROPERTY));
        assertEquals("last run\n", Files.readString(logs.resolve("eventscope.previous.log")));
        assertTrue(Files.notExists(logs.resolve("eventscope.log")));
    }

    @Test
    void given_a_log_file_chosen_by_the_user_when_the_desktop_app_starts_then_it_is_kept() {
        System.setProperty(DesktopLogging.LOG_FILE_PROPERTY, "System.err");

        Optional<Path> logFile = DesktopLogging.configure(folder.resolve("logs"));

        assertEquals(Optional.empty(), logFile);
        assertEquals("System.err", System.getProperty(DesktopLogging.LOG_FILE_PROPERTY));
    }

    @Test
    void given_an_unwritable_state_directory_when_the_desktop_app_starts_then_logging_stays_on_standard_error() throws Exception {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "");

        Optional<Path> logFile = DesktopLogging.configure(blocker.resolve("logs"));

        assertEquals(Optional.empty(), logFile);
        assertEquals(null, System.getProperty(DesktopLogging.LOG_FILE_PROPERTY));
    }
}
