package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.audit.tests.HolidayCalendar;
import dev.eventscope.audit.tests.JournalEntryTests;
import dev.eventscope.audit.tests.LedgerEventSource;
import dev.eventscope.audit.tests.LedgerFacts;
import dev.eventscope.audit.tests.TestResult;
import dev.eventscope.audit.tests.TestResultFormats;
import dev.eventscope.audit.tests.TestSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code eventscope tests --ledger FILE [--only NAME] [--format text|csv|json]}: the journal-entry tests
 * (ISA 240 / AS 2401) run on the ledger's events, each listing the entries it flags with the reason and the
 * event positions. Reads only; settings from {@code --settings FILE} and {@code --set KEY=VALUE}.
 */
@Command(name = "tests",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {"Runs the journal-entry tests on a ledger's events and lists the entries each flags, with the reason"
                + " and the positions of their events.",
                "Tests: late-postings, backdated, off-hours, round-amounts, rare-users, unfamiliar-accounts, duplicates,"
                        + " numbering, reversed-after-period-end, reversals-of-reversals, below-threshold, benford.",
                "Settings and their defaults: docs/workbench.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The tests ran (whether or not they flagged entries).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line or settings, or the file is missing or not a ledger."})
final class TestsCommand implements Callable<Integer> {

    /** How the results are printed. */
    enum Format { TEXT, CSV, JSON }

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--only", paramLabel = "NAME", split = ",", description = "Run only these tests (repeat or separate with commas).")
    private List<String> only = List.of();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), csv (one row per flagged entry) or json.")
    private Format format;

    @Option(names = "--settings", paramLabel = "FILE", description = "A properties file of test settings (keys in docs/workbench.md).")
    private Path settingsFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "One setting, e.g. --set backdated.days=45 (after --settings).")
    private Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--zone", paramLabel = "ZONE", description = "The zone of working hours (default: this computer's, ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.timezone:-UTC}")
    private String zone;

    @Option(names = "--holidays", paramLabel = "FILE", description = "Extra holidays, one ISO date per line (with an optional name).")
    private Path holidaysFile;

    TestsCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        TestSettings settings = settings();
        Set<String> names = new LinkedHashSet<>(only);
        for (String name : names) {
            if (!JournalEntryTests.names().contains(name)) {
                throw usage("There is no journal-entry test \"" + name + "\"; the tests are: " + String.join(", ", JournalEntryTests.names()) + ".");
            }
        }
        LedgerFacts facts;
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            facts = LedgerFacts.read(session.events(), BookkeepingCodec.create());
        }
        List<TestResult> results = JournalEntryTests.run(facts, settings, names);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> TestResultFormats.text(results, out);
            case CSV -> TestResultFormats.csv(results, out);
            case JSON -> TestResultFormats.json(results, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private TestSettings settings() {
        TestSettings settings;
        try {
            settings = TestSettings.defaults(ZoneId.of(zone.isBlank() ? "UTC" : zone));
        } catch (DateTimeException wrongZone) {
            throw usage("--zone " + zone + " is not a time zone: give one such as Europe/Berlin or UTC.");
        }
        try {
            if (settingsFile != null) {
                settings = settings.with(readProperties(settingsFile), "the settings file " + settingsFile);
            }
            settings = settings.with(set, "--set");
            if (holidaysFile != null) {
                if (!Files.isRegularFile(holidaysFile)) {
                    throw usage("There is no holiday file at " + holidaysFile + ".");
                }
                settings = settings.withHolidays(settings.holidays().withFile(holidaysFile));
            }
        } catch (IllegalArgumentException wrong) {
            throw usage(wrong.getMessage());
        } catch (IOException unreadable) {
            throw usage("The file " + (holidaysFile != null ? holidaysFile : settingsFile) + " cannot be read: " + unreadable.getMessage());
        }
        return settings;
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw usage("There is no settings file at " + PrintableText.of(file) + ".");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    private static CommandProblem usage(String message) {
        return new CommandProblem(message, ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
    }
}
