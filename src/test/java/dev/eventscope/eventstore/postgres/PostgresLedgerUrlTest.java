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
