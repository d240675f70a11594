package dev.eventscope.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package rules of docs/architecture.md (from DESIGN.md). Never switched off: a change that
 * breaks one moves the code, not the rule.
 */
class PackageRulesTest {

    private static final String JAVA = "java..";
    private static final String LOGGING = "org.slf4j..";
    private static final String JACKSON = "com.fasterxml.jackson..";
    private static final String ROOT = "dev.eventscope.";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eventscope");
    }

    private static ArchRule only(String packageName, String... allowed) {
        String[] packages = new String[allowed.length + 1];
        packages[0] = ROOT + packageName;
        for (int i = 0; i < allowed.length; i++) {
            boolean external = allowed[i].startsWith("java") || allowed[i].startsWith("org.") || allowed[i].startsWith("com.");
            packages[i + 1] = external ? allowed[i] : ROOT + allowed[i];
        }
        return classes().that().resideInAPackage(ROOT + packageName)
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(true)
                .because("DESIGN.md: " + packageName + " may import only " + String.join(", ", allowed));
    }

    @Test
    void the_generic_domain_depends_on_java_only() {
        only("domain", "java.lang..", "java.util..").check(production);
    }

    @Test
    void the_ledger_domain_depends_on_the_generic_domain_and_java_only() {
        only("domain.ledger", "domain", "java.lang..", "java.util..", "java.math..", "java.time..", "java.text..")
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
        only("eventstore.sqlite", "eventstore", JAVA, "org.sqlite..", LOGGING).check(production);
    }

    @Test
    void the_postgres_store_depends_on_the_contract_and_jdbc_only() {
        only("eventstore.postgres", "eventstore", JAVA, "org.postgresql..", LOGGING).check(production);
    }

    @Test
    void the_read_model_store_depends_on_the_projection_core_jdbc_and_sqlite_only() {
        only("projection.sqlite", "projection", "eventstore", "eventstore.sqlite", "codec", "domain..", JAVA, "org.sqlite..",
                LOGGING)
                .check(production);
    }

    @Test
    void the_codec_depends_on_domain_store_contract_and_jackson() {
        only("codec", "codec..", "domain..", "eventstore", JAVA, JACKSON, LOGGING).check(production);
    }

    @Test
    void the_application_depends_on_domain_store_contract_and_codec() {
        only("application", "domain..", "eventstore", "codec", JAVA, LOGGING).check(production);
    }

    @Test
    void the_journal_depends_on_the_ledger_domain_and_application() {
        only("journal", "domain..", "application", "eventstore", "codec", JAVA, LOGGING).check(production);
    }

    @Test
    void no_layer_below_the_ui_and_cli_knows_them() {
        noClasses().that().resideInAnyPackage(ROOT + "domain..", ROOT + "eventstore..", ROOT + "codec..",
                        ROOT + "application..", ROOT + "projection..", ROOT + "timetravel..", ROOT + "audit..", ROOT + "journal..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "ui..", ROOT + "cli..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void ui_and_cli_never_touch_sql_or_a_store_adapter() {
        noClasses().that().resideInAnyPackage(ROOT + "ui..", ROOT + "cli..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..",
                        ROOT + "eventstore.sqlite..", ROOT + "eventstore.postgres..", ROOT + "bootstrap..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void nothing_imports_bootstrap() {
        noClasses().that().resideOutsideOfPackage(ROOT + "bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "bootstrap..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void only_the_store_adapters_use_jdbc() {
        noClasses().that().resideOutsideOfPackages(ROOT + "eventstore.sqlite..", ROOT + "eventstore.postgres..",
                        ROOT + "projection.sqlite..", ROOT + "bootstrap..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .allowEmptyShould(true).check(production);
    }

    @Test
    void the_domain_never_reads_the_clock_or_makes_random_ids() {
        noClasses().that().resideInAPackage(ROOT + "domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .allowEmptyShould(true).check(production);
    }
}
