package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading {@code postgresql://[user@]host[:port]/db?schema=name}. */
class PostgresLedgerUrlTest {

    @Test
    void every_part_is_read_and_the_url_prints_back_the_same() {
        PostgresLedgerUrl url = PostgresLedgerUrl.parse("postgresql://clerk@db.example.org:6543/books?schema=shop_2026");
        assertEquals(new PostgresLedgerUrl("clerk", "db.example.org", 6543, "books", "shop_2026"), url);
        assertEquals("postgresql://clerk@db.example.org:6543/books?schema=shop_2026", url.toString());
        assertEquals("jdbc:postgresql://db.example.org:6543/books", url.jdbcUrl());
    }

    @Test
    void a_reserved_word_or_a_pg_prefix_is_refused_as_a_schema_name_before_any_sql_and_unreserved_words_are_not() {
        // session 21: schema=select passed, then init failed with "syntax error at or near "select""; pg_x is the
        // server's own prefix
        for (String schema : java.util.List.of("select", "user", "left", "authorization", "table", "pg_books")) {
            EventStoreException refused = assertThrows(EventStoreException.class,
                    () -> PostgresLedgerUrl.parse("postgresql://localhost/books?schema=" + schema));
            assertMentions(refused.getMessage(), "'" + schema + "' cannot name a ledger", "choose another name");
        }
        for (String schema : java.util.List.of("int", "values", "none", "ledger", "public")) {
            assertEquals(schema, PostgresLedgerUrl.parse("postgresql://localhost/books?schema=" + schema).schema());
        }
    }

    @Test
    void user_and_port_are_optional() {
        PostgresLedgerUrl url = PostgresLedgerUrl.parse("postgresql://localhost/books?schema=shop");
        assertNull(url.user());
        assertEquals(5432, url.port());
        assertEquals("postgresql://localhost/books?schema=shop", url.toString());
    }

    @Test
    void a_password_in_the_url_is_refused_and_not_echoed() {
        EventStoreException refused = assertThrows(EventStoreException.class,
                () -> PostgresLedgerUrl.parse("postgresql://clerk:hunter2@localhost/books?schema=shop"));
        assertMentions(refused.getMessage(), "holds a password", "PGPASSWORD", "~/.pgpass");
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void a_missing_schema_an_unknown_parameter_and_a_bad_schema_name_are_each_one_sentence() {
        assertMentions(assertThrows(EventStoreException.class,
                () -> PostgresLedgerUrl.parse("postgresql://localhost/books")).getMessage(), "names no schema", "?schema=");
        assertMentions(assertThrows(EventStoreException.class,
                () -> PostgresLedgerUrl.parse("postgresql://localhost/books?schema=a&sslmode=off")).getMessage(), "'sslmode'");
        assertMentions(assertThrows(EventStoreException.class,
                () -> PostgresLedgerUrl.parse("postgresql://localhost/books?schema=Robert');DROP")).getMessage(),
                "cannot name a ledger");
        assertMentions(assertThrows(EventStoreException.class,
                () -> PostgresLedgerUrl.parse("postgresql://localhost")).getMessage(), "is not a PostgreSQL ledger URL");
    }

    @Test
    void only_the_postgresql_scheme_names_a_server_ledger() {
        assertTrue(PostgresLedgerUrl.isPostgresUrl("postgresql://h/db?schema=s"));
        assertFalse(PostgresLedgerUrl.isPostgresUrl("books.ledger"));
        assertFalse(PostgresLedgerUrl.isPostgresUrl("/home/me/postgresql/books.ledger"));
    }
}
