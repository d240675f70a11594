package dev.eventscope.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.eventscope.projection.LedgerQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's rules for the read side that a tool can check: {@code LedgerQueries} only reads (no statement of its
 * SQLite adapter writes), and every read it offers is used by the code (a read model nothing reads is removed or used).
 */
class ReadSideRulesTest {

    /**
     * Reads kept although no production class calls them, each with its reason. {@code dump}: every read model's rows in
     * key order, what the tests compare with an independent fold of the events and a rebuild with a catch-up.
     */
    private static final Set<String> READ_BY_TESTS_ONLY = Set.of("dump");

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eventscope");
        assertTrue(production.contain(LedgerQueries.class) && !production.get(LedgerQueries.class).getAllSubclasses().isEmpty(),
                "the read side's classes were imported");
    }

    @Test
    void every_read_of_the_ledger_queries_is_used_by_the_code() {
        assertEquals(Set.of(), unused(production), "LedgerQueries reads that no production class calls: use them or remove them");
    }

    @Test
    void the_rule_finds_a_read_nothing_calls() {
        // the same import without the callers of one read: the rule must name it
        JavaClasses withoutCallers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eventscope.projection");
        assertTrue(unused(withoutCallers).contains("countsByDay"), "without its callers, countsByDay is found unused");
    }

    /** The methods of {@code LedgerQueries} that no class calls, other than its adapters and the reads kept for tests. */
    private static Set<String> unused(JavaClasses classes) {
        JavaClass queries = classes.get(LedgerQueries.class);
        Set<JavaClass> adapters = queries.getAllSubclasses();
        Set<String> unused = new TreeSet<>();
        for (JavaMethod read : queries.getMethods()) {
            String[] parameters = read.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
            boolean called = read.getCallsOfSelf().stream().anyMatch(call -> !adapters.contains(call.getOriginOwner()))
                    || adapters.stream().flatMap(adapter -> adapter.tryGetMethod(read.getName(), parameters).stream())
                            .anyMatch(implementation -> implementation.getCallsOfSelf().stream()
                                    .anyMatch(call -> !adapters.contains(call.getOriginOwner())));
            if (!called && !READ_BY_TESTS_ONLY.contains(read.getName())) {
                unused.add(read.getName());
            }
        }
        return unused;
    }

    @Test
    void the_ledger_queries_adapter_never_writes() throws IOException {
        Path source = Path.of("src/main/java/dev/eventscope/projection/sqlite/SqliteLedgerQueries.java");
        assertTrue(Files.isRegularFile(source), "run from the project's folder: " + source.toAbsolutePath());
        Matcher writes = Pattern.compile("\\b(INSERT|UPDATE|DELETE|REPLACE|UPSERT|CREATE|DROP|ALTER)\\b")
                .matcher(Files.readString(source).toUpperCase(Locale.ROOT).replaceAll("//[^\\n]*|\\*[^\\n]*", ""));
        Set<String> found = new TreeSet<>();
        while (writes.find()) {
            found.add(writes.group(1));
        }
        assertEquals(Set.of(), found, "SQL that writes in " + source.getFileName() + ": the projection owns its tables");
        for (JavaMethod read : production.get(LedgerQueries.class).getMethods()) {
            assertTrue(!read.getName().matches("(replace|write|save|insert|update|delete|put|store|build).*"),
                    "LedgerQueries." + read.getName() + " reads as a write");
        }
    }

    /**
     * The classes {@code Projections} was split into (issue 13: "no boolean flag parameters"). The projections themselves
     * are not in it: {@code BalancesProjection.BatchBalances.add(..., boolean toSave)} still takes one (another
     * engineer's code this session; noted in the point-by-point list of docs/architecture.md).
     */
    private static final Set<String> LIFECYCLE = Set.of("Projections", "LiveCatchUp", "ProjectionFollower", "ShadowRebuild",
            "FailureIsolation", "BatchSource", "BatchReader", "ProjectionState", "ProjectionStatus", "RebuildOutcome",
            "ProjectionFailure", "Generation");

    @Test
    void the_projections_take_no_boolean_flags_and_never_hold_a_failure_that_may_be_null() {
        Set<String> flags = new TreeSet<>();
        Set<String> nullableFailures = new TreeSet<>();
        JavaClass failure = production.get(dev.eventscope.projection.ProjectionFailure.class);
        for (JavaClass type : production) {
            if (!type.getPackageName().equals("dev.eventscope.projection")) {
                continue;
            }
            String outer = type.getName().replaceAll("\\$.*", "").substring("dev.eventscope.projection.".length());
            boolean lifecycle = LIFECYCLE.contains(outer);
            type.getCodeUnits().forEach(unit -> {
                if (!lifecycle) {
                    return;
                }
                if (unit.getRawParameterTypes().stream().anyMatch(parameter -> parameter.isEquivalentTo(boolean.class))
                        && !unit.getName().startsWith("lambda$") && !unit.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC)) {
                    flags.add(unit.getFullName());
                }
            });
            // "no failure" is Optional.empty(), never null: no field of a projection type holds a bare ProjectionFailure
            type.getFields().stream().filter(field -> field.getRawType().equals(failure) && !field.getModifiers()
                            .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC))
                    .forEach(field -> nullableFailures.add(field.getFullName()));
        }
        assertTrue(production.stream().anyMatch(type -> type.getPackageName().equals("dev.eventscope.projection")), "found");
        assertTrue(LIFECYCLE.stream().allMatch(name -> production.contain("dev.eventscope.projection." + name)),
                "the lifecycle's classes were found: " + LIFECYCLE);
        assertEquals(Set.of(), flags, "boolean flag parameters in the projections' lifecycle (name the cases instead)");
        assertEquals(Set.of(), nullableFailures.stream().filter(name -> !name.startsWith(failure.getName()))
                .collect(java.util.stream.Collectors.toSet()), "fields that hold a failure or null (use Optional)");
    }
}
