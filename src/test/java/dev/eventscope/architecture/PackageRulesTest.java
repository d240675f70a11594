package dev.eventscope.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package rules of docs/architecture.md (from DESIGN.md). Never switched off: a change that
 * breaks one moves the code, not the rule.
 */
class PackageRulesTest {

    private static final String JAVA = "java..";
    private static final String LOGGING = "org.slf4j..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String ROOT = "dev.eventscope.";

    /** The JDK without java.sql: what the layers above the adapters may use. */
    private static final String[] JDK_WITHOUT_SQL = {"java.lang..", "java.util..", "java.io..", "java.nio..", "java.net..",
            "java.time..", "java.math..", "java.text..", "java.security..", "java.awt.."};
    private static final String JAVAFX = "javafx..";
    private static final String PICOCLI = "picocli..";

    /**
     * Each screen of the desktop app (a sub-package of {@code ui}) and what it may use besides the JDK (without
     * java.sql), JavaFX, ControlsFX, SLF4J and the shared helpers in {@code ui} itself. A new screen gets a line here,
     * or {@link #every_package_is_under_a_rule()} fails.
     */
    private static final Map<String, List<String>> SCREENS = new TreeMap<>(Map.ofEntries(
            Map.entry("ui.commands", List.of("session", "application", "domain..", "eventstore", "journal")),
            Map.entry("ui.explorer", List.of("session", "application", "audit", "codec", "domain..", "eventstore", "timetravel",
                    "ui.knownat", "ui.projections", "ui.state", "ui.statements", "ui.timeline")),
            Map.entry("ui.importer", List.of("session", "application", "journal", "ui.commands", "ui.welcome")),
            Map.entry("ui.knownat", List.of("session", "domain..", "projection", "timetravel", "ui.state")),
            Map.entry("ui.projections", List.of("session", "projection")),
            Map.entry("ui.reports", List.of("session", "audit..", "eventstore", "sandbox")),
            Map.entry("ui.sandbox", List.of("session", "sandbox", "application", "domain..", "statement", "ui.state", "ui.commands")),
            Map.entry("ui.settings", List.of("session")),
            Map.entry("ui.shell", List.of("session", "sandbox", "application", "audit", "eventstore", "ui.commands", "ui.explorer",
                    "ui.importer", "ui.projections", "ui.reports", "ui.sandbox", "ui.settings", "ui.team", "ui.timeline",
                    "ui.welcome", "ui.workbench")),
            Map.entry("ui.statements", List.of("session", "statement", "audit", "projection", "domain..", "ui.state")),
            Map.entry("ui.team", List.of("session")),
            Map.entry("ui.timeline", List.of("session", "application", "domain..", "eventstore", "projection", "timetravel",
                    "ui.state")),
            Map.entry("ui.welcome", List.of("session", "ui.settings")),
            Map.entry("ui.workbench", List.of("session", "application", "audit.findings", "audit.tests", "codec", "eventstore",
                    "projection.search", "ui.explorer", "ui.timeline"))));

    /** Every package that holds production classes, each with its own rule below. */
    private static final List<String> RULED_PACKAGES = java.util.stream.Stream.concat(Stream.of("domain", "domain.ledger",
            "eventstore", "eventstore.sqlite", "eventstore.postgres", "codec", "application", "projection", "projection.search",
            "projection.sqlite", "projection.sqlite.search", "timetravel", "statement", "audit", "audit.findings",
            "audit.tests", "journal", "session", "sandbox", "ui", "ui.state", "cli", "bootstrap"),
            SCREENS.keySet().stream()).toList();

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eventscope");
        // a rule over an empty import passes on nothing: the import must hold every ruled package
        for (String packageName : RULED_PACKAGES) {
            assertTrue(production.stream().anyMatch(type -> type.getPackageName().equals(ROOT + packageName)),
                    "no production class was found in " + ROOT + packageName);
        }
    }

    @Test
    void the_import_holds_every_package_of_the_sources() throws IOException {
        // a package whose classes were not imported would pass every rule: compare with the source folders
        Path sources = Path.of("src/main/java/dev/eventscope");
        assertTrue(Files.isDirectory(sources), "run from the project's folder: " + sources.toAbsolutePath());
        Set<String> inSources = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> inSources.add(
                    sources.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.')));
        }
        inSources.remove("");
        Set<String> imported = new TreeSet<>();
        production.forEach(type -> imported.add(type.getPackageName().substring(ROOT.length())));
        assertEquals(inSources, imported, "packages in the sources and in the imported classes");
    }

    @Test
    void every_package_is_under_a_rule() {
        Set<String> unruled = new TreeSet<>();
        for (JavaClass type : production) {
            String packageName = type.getPackageName().substring(ROOT.length());
            boolean ruled = RULED_PACKAGES.stream().anyMatch(ruledPackage -> packageName.equals(ruledPackage)
                    || packageName.startsWith(ruledPackage + ".") && coveredWithSubPackages(ruledPackage));
            if (!ruled) {
                unruled.add(packageName);
            }
        }
        assertTrue(unruled.isEmpty(), "packages without a rule: " + unruled);
    }

    /** The packages whose rule covers their sub-packages too (the others' sub-packages have rules of their own). */
    private static boolean coveredWithSubPackages(String packageName) {
        return List.of("domain.ledger", "codec", "application", "timetravel", "journal", "session", "cli", "bootstrap")
                .contains(packageName);
    }

    /** Classes in {@code packageName} (with its sub-packages when it ends in "..") may only depend on {@code allowed}. */
    private static ArchRule only(String packageName, String... allowed) {
        String[] packages = new String[allowed.length + 1];
        packages[0] = ROOT + packageName;
        for (int i = 0; i < allowed.length; i++) {
            boolean external = allowed[i].startsWith("java") || allowed[i].startsWith("org.") || allowed[i].startsWith("com.")
                    || allowed[i].startsWith("picocli");
            packages[i + 1] = external ? allowed[i] : ROOT + allowed[i];
        }
        return classes().that().resideInAPackage(ROOT + packageName).and().doNotHaveFullyQualifiedName(WARM_UP_LIST)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .because("DESIGN.md: " + packageName + " may import only " + String.join(", ", allowed));
    }

    private static String[] with(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void the_generic_domain_depends_on_java_only() {
        only("domain", "java.lang..", "java.util..").check(production);
    }

    @Test
    void the_ledger_domain_depends_on_the_generic_domain_and_java_only() {
        only("domain.ledger..", "domain", "java.lang..", "java.util..", "java.math..", "java.time..", "java.text..")
                .check(production);
    }

    @Test
    void the_store_contract_depends_on_java_only() {
        // java.security and java.nio.charset for the hash chain's one canonical encoding, part of the contract
        only("eventstore", "java.lang..", "java.util..", "java.time..", "java.io..", "java.nio.charset..", "java.security..")
                .check(production);
    }

    @Test
    void the_sqlite_store_depends_on_the_contract_jdbc_and_sqlite_only() {
        // "domain" (java.lang and java.util only) for PrintableText: the log names a file in its printable form (session 23)
        only("eventstore.sqlite", "eventstore", "domain", JAVA, "org.sqlite..", LOGGING).check(production);
    }

    @Test
    void the_postgres_store_depends_on_the_contract_and_jdbc_only() {
        only("eventstore.postgres", "eventstore", JAVA, "org.postgresql..", LOGGING).check(production);
    }

    @Test
    void the_search_index_depends_on_the_store_contract_and_codec() {
        only("projection.search", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "codec", JACKSON, LOGGING)).check(production);
    }

    @Test
    void the_search_index_adapter_depends_on_the_search_core_jdbc_and_sqlite_only() {
        only("projection.sqlite.search", "projection.search", "eventstore", "codec", "domain..", JAVA, "org.sqlite..", LOGGING)
                .check(production);
    }

    @Test
    void the_read_model_store_depends_on_the_projection_core_jdbc_and_sqlite_only() {
        only("projection.sqlite", "projection", "eventstore", "eventstore.sqlite", "codec", "domain..", JAVA, "org.sqlite..",
                LOGGING)
                .check(production);
    }

    @Test
    void the_codec_depends_on_domain_store_contract_and_jackson() {
        only("codec..", "domain..", "eventstore", JAVA, JACKSON, LOGGING).check(production);
    }

    @Test
    void the_application_depends_on_domain_store_contract_and_codec() {
        only("application..", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "codec", LOGGING)).check(production);
    }

    @Test
    void the_journal_depends_on_the_ledger_domain_and_application() {
        only("journal..", with(JDK_WITHOUT_SQL, "domain..", "application", "eventstore", "codec", LOGGING)).check(production);
    }

    @Test
    void projections_depend_on_domain_store_contract_and_codec() {
        only("projection", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "codec", LOGGING)).check(production);
    }

    /** The application classes that load aggregates: the one loader that commands and time travel share (issue 13). */
    private static final Set<String> AGGREGATE_LOADER = Set.of("Aggregate", "AggregateRepository", "Loaded",
            "UnreadableHistory", "SnapshotStates", "BookkeepingCodec");

    @Test
    void time_travel_depends_on_domain_store_contract_codec_projections_and_the_one_aggregate_loader() {
        only("timetravel..", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "codec", "application", "projection", JACKSON,
                LOGGING)).check(production);
        noClasses().that().resideInAPackage(ROOT + "timetravel..")
                .should().dependOnClassesThat(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>(
                        "are application classes other than the aggregate loader " + AGGREGATE_LOADER) {
                    @Override
                    public boolean test(JavaClass type) {
                        return type.getPackageName().equals(ROOT + "application")
                                && !AGGREGATE_LOADER.contains(outermost(type).getSimpleName());
                    }
                })
                .because("time travel shares the command side's aggregate loader and nothing else of it (docs/architecture.md)")
                .check(production);
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    @Test
    void statements_depend_on_the_ledger_domain_only() {
        only("statement", "domain..", "java.lang..", "java.util..", "java.math..", "java.time..").check(production);
    }

    @Test
    void audit_depends_on_the_layers_below_it_and_its_document_libraries() {
        only("audit..", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "codec", "application", "projection", "timetravel",
                "statement",
                JACKSON, "com.lowagie..", "org.apache.pdfbox..", LOGGING)).check(production);
    }

    @Test
    void the_auditor_s_findings_depend_on_the_audit_only() {
        only("audit.findings", with(JDK_WITHOUT_SQL, "audit", JACKSON, LOGGING)).check(production);
    }

    @Test
    void the_journal_entry_tests_depend_on_the_audit_the_ledger_domain_the_store_contract_and_the_codec() {
        only("audit.tests", with(JDK_WITHOUT_SQL, "audit", "domain..", "eventstore", "codec", JACKSON, LOGGING)).check(production);
    }

    @Test
    void the_session_depends_on_the_layers_below_the_ui_and_cli() {
        only("session..", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "codec", "application", "projection",
                "projection.search", "timetravel", "statement", "audit..", "journal", LOGGING)).check(production);
    }

    @Test
    void the_sandbox_depends_on_the_session_and_the_layers_below_it() {
        only("sandbox", with(JDK_WITHOUT_SQL, "session", "domain..", "eventstore", "codec", "application", "timetravel",
                "projection", "statement", "audit", "journal", JACKSON)).check(production);
    }

    @Test
    void the_ui_depends_on_the_session_the_layers_below_it_and_javafx() {
        only("ui..", with(JDK_WITHOUT_SQL, "session", "sandbox", "application", "projection", "projection.search", "timetravel",
                "statement", "audit..", "journal",
                "domain..", "eventstore", "codec", JAVAFX, JACKSON, "org.controlsfx..", LOGGING)).check(production);
    }

    @Test
    void the_state_panel_s_rows_are_plain_java_over_time_travel() {
        // no JavaFX: the rows the state panel shows are computed and tested without a screen
        only("ui.state", with(JDK_WITHOUT_SQL, "domain..", "eventstore", "projection", "timetravel", LOGGING)).check(production);
    }

    @Test
    void each_screen_depends_only_on_the_layers_and_screens_it_names() {
        for (Map.Entry<String, List<String>> screen : SCREENS.entrySet()) {
            String[] allowed = with(with(JDK_WITHOUT_SQL, JAVAFX, "org.controlsfx..", LOGGING, JACKSON, "ui"),
                    screen.getValue().toArray(String[]::new));
            only(screen.getKey(), allowed).check(production);
        }
    }

    /**
     * The warm-up's list of the classes the explorer's first frame loads ({@code ui.shell.FirstFrameClasses}) names JavaFX's
     * and ControlsFX's internal classes by literal (issue 13: no class names as strings), so the rules above leave it
     * out; it may only name classes, never call or read them.
     */
    private static final String WARM_UP_LIST = ROOT + "ui.shell.FirstFrameClasses";

    @Test
    void the_warm_up_s_list_names_classes_and_uses_none() {
        JavaClass list = production.get(WARM_UP_LIST);
        Set<String> uses = new TreeSet<>();
        for (com.tngtech.archunit.core.domain.Dependency dependency : list.getDirectDependenciesFromSelf()) {
            String target = dependency.getTargetClass().getName();
            boolean named = dependency.getDescription().contains("references class object");
            if (!named && !target.startsWith("java.lang.") && !target.equals("java.util.List")) {
                uses.add(dependency.getDescription());
            }
        }
        assertTrue(list.getDirectDependenciesFromSelf().size() > 300, "the list names the first frame's classes");
        assertEquals(Set.of(), uses, "the warm-up's list only names classes");
    }

    @Test
    void the_ui_uses_controlsfx_s_public_api_only() {
        noClasses().that().resideInAPackage(ROOT + "ui..")
                .should().dependOnClassesThat().resideInAPackage("org.controlsfx..impl..")
                .because("ControlsFX's impl packages are not its API (docs/architecture.md)")
                .check(production);
    }

    @Test
    void the_cli_depends_on_the_session_the_layers_below_it_and_picocli() {
        only("cli..", with(JDK_WITHOUT_SQL, "session", "sandbox", "application", "projection", "projection.search", "timetravel",
                "statement", "audit..", "journal",
                "domain..", "eventstore", "codec", PICOCLI, JACKSON, LOGGING)).check(production);
    }

    @Test
    void bootstrap_may_wire_everything() {
        only("bootstrap..", "session", "ui", "cli", "application", "eventstore..", "projection..", "domain..", "codec", "audit",
                "timetravel", "journal", JAVA, PICOCLI, LOGGING).check(production);
    }

    @Test
    void views_and_view_models_ask_the_session_never_the_store() {
        noClasses().that().resideInAPackage(ROOT + "ui..")
                .should().dependOnClassesThat().belongToAnyOf(dev.eventscope.eventstore.EventStore.class,
                        dev.eventscope.eventstore.BulkAppend.class, dev.eventscope.application.LedgerStoreFactory.class,
                        dev.eventscope.projection.ReadModelStore.class, dev.eventscope.projection.ReadModelStoreFactory.class)
                .because("views and view models ask the ledger session (docs/architecture.md)")
                .check(production);
    }

    @Test
    void commands_of_the_command_line_ask_the_session_never_the_store() {
        // (LedgerStoreFactory stays allowed for its static isServerLedger, which tells a URL from a file name)
        noClasses().that().resideInAPackage(ROOT + "cli..")
                .should().dependOnClassesThat().belongToAnyOf(dev.eventscope.eventstore.EventStore.class,
                        dev.eventscope.eventstore.BulkAppend.class, dev.eventscope.projection.ReadModelStore.class,
                        dev.eventscope.projection.ReadModelStoreFactory.class)
                .because("the command line asks the ledger session (docs/architecture.md)")
                .check(production);
    }

    @Test
    void no_layer_below_the_ui_and_cli_knows_them() {
        noClasses().that().resideInAnyPackage(ROOT + "domain..", ROOT + "eventstore..", ROOT + "codec..",
                        ROOT + "application..", ROOT + "projection..", ROOT + "timetravel..", ROOT + "audit..", ROOT + "journal..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "ui..", ROOT + "cli..", ROOT + "session..")
                .check(production);
    }

    @Test
    void ui_and_cli_never_touch_sql_or_a_store_adapter() {
        noClasses().that().resideInAnyPackage(ROOT + "ui..", ROOT + "cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..",
                        ROOT + "eventstore.sqlite..", ROOT + "eventstore.postgres..", ROOT + "projection.sqlite..",
                        ROOT + "bootstrap..")
                .check(production);
    }

    @Test
    void adapters_are_wired_by_bootstrap_never_looked_up() {
        noClasses().that().resideInAPackage("dev.eventscope..")
                .should().dependOnClassesThat().belongToAnyOf(java.util.ServiceLoader.class)
                .because("bootstrap hands every adapter to the sessions with a constructor (docs/architecture.md)")
                .check(production);
    }

    @Test
    void nothing_imports_bootstrap() {
        noClasses().that().resideOutsideOfPackage(ROOT + "bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "bootstrap..")
                .check(production);
    }

    @Test
    void only_the_store_adapters_use_jdbc() {
        noClasses().that().resideOutsideOfPackages(ROOT + "eventstore.sqlite..", ROOT + "eventstore.postgres..",
                        ROOT + "projection.sqlite..", ROOT + "bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(production);
    }

    @Test
    void the_domain_and_the_statements_never_read_the_clock_or_make_random_values() {
        // DESIGN.md: time and ids enter through commands; statements are drawn from balances and dates given to them
        neverReadTheClockOrMakeRandomValues(ROOT + "domain..", ROOT + "statement..").check(production);
    }

    @Test
    void the_clock_rule_catches_every_way_of_reading_the_clock_or_making_random_values() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReadsTheClock.class);
        String report = neverReadTheClockOrMakeRandomValues(ReadsTheClock.class.getPackageName())
                .evaluate(fixture).getFailureReport().toString();
        for (String call : ReadsTheClock.CALLS) {
            assertTrue(report.contains(call), "the clock rule misses " + call + ":\n" + report);
        }
        assertTrue(!report.contains("withAClock"), "a clock handed in is allowed:\n" + report);
    }

    /** No class in {@code packages} reads the clock (any {@code now} without a {@code Clock}) or makes a random value. */
    static ArchRule neverReadTheClockOrMakeRandomValues(String... packages) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<JavaMethodCall>(
                        "read the clock or make a random value") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        boolean takesAClock = call.getTarget().getRawParameterTypes().stream()
                                .anyMatch(type -> type.isEquivalentTo(java.time.Clock.class));
                        return owner.startsWith("java.time.") && name.equals("now") && !takesAClock
                                || owner.equals("java.time.Clock") && name.startsWith("system")
                                || owner.equals("java.util.UUID") && name.equals("randomUUID")
                                || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
                                || owner.equals("java.lang.Math") && name.equals("random")
                                || owner.equals("java.util.concurrent.ThreadLocalRandom") && name.equals("current");
                    }
                })
                .orShould().callConstructorWhere(new com.tngtech.archunit.base.DescribedPredicate<JavaConstructorCall>(
                        "make a random number generator") {
                    @Override
                    public boolean test(JavaConstructorCall call) {
                        return call.getTargetOwner().isAssignableTo(java.util.Random.class)
                                || call.getTargetOwner().isEquivalentTo(java.util.SplittableRandom.class);
                    }
                })
                .because("DESIGN.md: time and random values enter through commands, never read inside");
    }
}
