package dev.eventscope.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of STYLE.md that a tool can check: no file in src/main over 450 lines, and no test that proves an
 * absence by sleeping (a test waits for what must happen, with a deadline, through Awaitility or a latch).
 */
class SourceHygieneTest {

    private static final int MOST_LINES = 450;

    @Test
    void no_file_in_src_main_is_over_450_lines() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the project's folder: " + sources.toAbsolutePath());
        TreeMap<String, Long> tooLong = new TreeMap<>();
        long files;
        try (Stream<Path> walk = Files.walk(sources)) {
            List<Path> java = walk.filter(file -> file.toString().endsWith(".java")).toList();
            files = java.size();
            for (Path file : java) {
                long lines;
                try (Stream<String> text = Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > MOST_LINES) {
                    tooLong.put(sources.relativize(file).toString(), lines);
                }
            }
        }
        assertTrue(files > 100, "the sources were found: " + files + " files");
        assertTrue(tooLong.isEmpty(), "files over " + MOST_LINES + " lines (split them by role): " + tooLong);
    }

    @Test
    void no_test_sleeps() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.eventscope");
        assertTrue(tests.stream().anyMatch(type -> type.getSimpleName().equals("SourceHygieneTest")), "the test classes were found");
        JavaClasses withoutTheFixture = tests.that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are not the fixture") {
            @Override
            public boolean test(JavaClass type) {
                return !type.getName().startsWith(SleepsTest.class.getName())
                        && !type.getName().startsWith(SleepsProperties.class.getName())
                        && !type.getName().startsWith(SleepsIT.class.getName());
            }
        });
        noSleepingTests().check(withoutTheFixture);
    }

    @Test
    void the_sleep_rule_finds_a_sleeping_test() {
        JavaClasses fixture = new ClassFileImporter().importClasses(SleepsTest.class);
        String report = noSleepingTests().evaluate(fixture).getFailureReport().toString();
        assertTrue(report.contains("Thread.sleep(long)") && report.contains("TimeUnit.sleep(long)")
                && report.contains("ConditionFactory.during"), report);
        // properties (jqwik) and integration tests (failsafe) are tests too
        for (Class<?> sleeper : List.of(SleepsProperties.class, SleepsIT.class)) {
            String found = noSleepingTests().evaluate(new ClassFileImporter().importClasses(sleeper)).getFailureReport().toString();
            assertTrue(found.contains(sleeper.getSimpleName()) && found.contains("Thread.sleep(long)"), found);
        }
    }

    /**
     * Test classes (named ...Test, ...Tests, ...Properties or ...IT, with their nested and anonymous classes) never sleep, nor wait "during" a time
     * for nothing to change. Benchmarks, screenshot tools and the child processes the crash tests kill are not tests.
     */
    private static ArchRule noSleepingTests() {
        return noClasses().that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are tests") {
                    @Override
                    public boolean test(JavaClass type) {
                        JavaClass outer = type;
                        while (outer.getEnclosingClass().isPresent()) {
                            outer = outer.getEnclosingClass().get();
                        }
                        String name = outer.getSimpleName();
                        return (name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("Properties") || name.endsWith("IT"))
                                && !outer.getPackageName().endsWith(".bench");
                    }
                })
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(TimeUnit.class, "sleep", long.class)
                .orShould().callMethod(org.awaitility.core.ConditionFactory.class, "during", java.time.Duration.class)
                .orShould().callMethod(org.awaitility.core.ConditionFactory.class, "during", long.class, TimeUnit.class)
                .because("a test waits for what must happen, with a deadline; an absence is shown by what comes next,"
                        + " never by sleeping (docs/architecture.md)");
    }

    @Test
    void no_test_leaves_folders_in_the_system_s_temporary_folder() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.eventscope");
        assertTrue(tests.stream().anyMatch(type -> type.getSimpleName().equals("TimeTravelPropertiesTest")), "the test classes were found");
        noTemporaryFoldersLeftBehind().check(tests.that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are not the fixture") {
            @Override
            public boolean test(JavaClass type) {
                return !type.getName().startsWith(LeavesFoldersTest.class.getName());
            }
        }));
        String report = noTemporaryFoldersLeftBehind().evaluate(new ClassFileImporter().importClasses(LeavesFoldersTest.class))
                .getFailureReport().toString();
        assertTrue(report.contains("createTempDirectory"), "the rule finds a test that leaves a folder: " + report);
    }

    /**
     * Tests and properties take their folders from JUnit's {@code @TempDir} or from {@code TemporaryFolders} (deleted
     * after each try): a property that made a folder per try in /tmp left 200 of them behind after each run.
     */
    private static ArchRule noTemporaryFoldersLeftBehind() {
        return noClasses().that(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are tests or properties") {
                    @Override
                    public boolean test(JavaClass type) {
                        JavaClass outer = type;
                        while (outer.getEnclosingClass().isPresent()) {
                            outer = outer.getEnclosingClass().get();
                        }
                        String name = outer.getSimpleName();
                        return (name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("Properties"))
                                && !outer.getPackageName().endsWith(".bench");
                    }
                })
                .should().callMethod(Files.class, "createTempDirectory", String.class, java.nio.file.attribute.FileAttribute[].class)
                .orShould().callMethod(Files.class, "createTempFile", String.class, String.class, java.nio.file.attribute.FileAttribute[].class)
                .because("a folder or file made in the system's temporary folder is never deleted; use @TempDir or"
                        + " dev.eventscope.testing.TemporaryFolders");
    }

    /** A fixture that leaves a folder behind (never run). */
    static final class LeavesFoldersTest {
        Path leaves() throws IOException {
            return Files.createTempDirectory("left-behind");
        }
    }

    /** A fixture that sleeps in each way the rule refuses (never run). */
    static final class SleepsTest {
        void sleeps() throws InterruptedException {
            Thread.sleep(1);
            TimeUnit.MILLISECONDS.sleep(1);
            org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(1)).until(() -> true);
        }
    }
}
