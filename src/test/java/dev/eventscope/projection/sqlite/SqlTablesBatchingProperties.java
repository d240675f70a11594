package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.projection.TableDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link SqlTables} batches writes per table: whatever mix of inserts, upserts and reads a transaction makes (long runs
 * of inserts among them), every read sees every earlier write, the rows land in the order they were written (a table's
 * rowid order), and a transaction that ends without flushing (a failed batch) leaves none of its rows for the next one
 * on the shared statements. Compared with a plain in-memory model of the tables. (Session 22 (register) measured
 * inserts of 16 rows a statement against it, docs/cli-speed.md; not kept.)
 */
class SqlTablesBatchingProperties {

    /** More rows than a batch of one statement would take at once, in the failed transaction's test. */
    private static final int MANY_ROWS = 16;

    private static final List<TableDefinition> TABLES = List.of(
            TableDefinition.table("keyed").integer("position").text("value").decimal("amount").primaryKey("position").build(),
            TableDefinition.table("named").text("name").integer("count").primaryKey("name").build());

    /** One write or read: 0 insert into keyed, 1 upsert into keyed, 2 insert into named, 3 upsert into named, 4 a read. */
    record Step(int kind, int key, int value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.integers().between(0, 9).flatMap(kindRoll -> Arbitraries.integers().between(0, 60)
                .flatMap(key -> Arbitraries.integers().between(-1_000, 1_000)
                        .map(value -> new Step(kindRoll < 5 ? 0 : kindRoll < 6 ? 1 : kindRoll < 8 ? 2 : kindRoll < 9 ? 3 : 4,
                                key, value))))
                .list().ofMinSize(0).ofMaxSize(200);
    }

    @Property(tries = 300)
    void every_read_sees_every_earlier_write_and_the_rows_land_in_order(@ForAll("steps") List<Step> steps,
                                                                        @ForAll @IntRange(min = 0, max = 3) int readEvery,
                                                                        @ForAll boolean insertsOnly)
            throws SQLException {
        try (Connection connection = fresh()) {
            SqlTables tables = new SqlTables(connection, new HashMap<>(), TABLES, "p", 1, false);
            TreeMap<Long, List<Object>> keyed = new TreeMap<>();
            TreeMap<String, Long> named = new TreeMap<>();
            List<String> namedOrder = new ArrayList<>();
            long nextPosition = 1;
            int index = 0;
            for (Step step : steps) {
                index++;
                // long runs of inserts fill whole statements, with rows left over at the reads and at the end
                int kind = insertsOnly && step.kind() != 0 ? 2 : step.kind();
                switch (kind) {
                    case 0 -> {
                        long position = nextPosition++;
                        String value = step.value() % 7 == 0 ? null : "v" + step.value();
                        tables.insert("keyed", position, value, new java.math.BigDecimal(step.value()).movePointLeft(2));
                        keyed.put(position, java.util.Arrays.asList(position, value,
                                new java.math.BigDecimal(step.value()).movePointLeft(2)));
                    }
                    case 1 -> {
                        long position = keyed.isEmpty() ? nextPosition++ : 1 + Math.floorMod(step.key(), keyed.lastKey());
                        nextPosition = Math.max(nextPosition, position + 1);
                        tables.upsert("keyed", position, "u" + step.value(), java.math.BigDecimal.ONE);
                        keyed.put(position, java.util.Arrays.asList(position, "u" + step.value(), java.math.BigDecimal.ONE));
                    }
                    case 2 -> {
                        String name = "n" + index;
                        tables.insert("named", name, (long) step.value());
                        named.put(name, (long) step.value());
                        namedOrder.add(name);
                    }
                    case 3 -> {
                        String name = named.isEmpty() || step.key() % 2 == 0 ? "m" + index
                                : new ArrayList<>(named.keySet()).get(Math.floorMod(step.key(), named.size()));
                        tables.upsert("named", name, (long) step.value());
                        if (!named.containsKey(name)) {
                            namedOrder.add(name);
                        }
                        named.put(name, (long) step.value());
                    }
                    default -> {
                        // a read of one table flushes only that table's writes; the other's stay batched
                        assertEquals(keyed.isEmpty() ? 0L : keyed.lastKey(), tables.max("keyed", "position"));
                        Optional<ReadModelRow> found = tables.find("keyed", (long) step.key());
                        assertEquals(Optional.ofNullable(keyed.get((long) step.key())).map(Object::toString),
                                found.map(SqlTablesBatchingProperties::values).map(Object::toString));
                    }
                }
                if (readEvery > 0 && index % (readEvery * 17) == 0) {
                    assertEquals(new ArrayList<>(named.keySet()),
                            tables.all("named").stream().map(row -> row.text(0)).toList());
                }
            }
            tables.flush();
            assertEquals(keyed.values().stream().map(Object::toString).toList(),
                    tables.all("keyed").stream().map(SqlTablesBatchingProperties::values).map(Object::toString).toList());
            assertEquals(named, rowsOf(tables.all("named")));
            assertEquals(namedOrder, inRowidOrder(connection));
        }
    }

    @Test
    void rows_a_failed_transaction_left_batched_are_not_written_by_the_next_one() throws SQLException {
        try (Connection connection = fresh()) {
            Map<String, java.sql.PreparedStatement> statements = new HashMap<>();
            SqlTables failed = new SqlTables(connection, statements, TABLES, "p", 1, false);
            for (int i = 0; i < MANY_ROWS * 3 + 5; i++) {
                failed.insert("named", "failed" + i, (long) i);
            }
            failed.release();
            connection.rollback();
            SqlTables next = new SqlTables(connection, statements, TABLES, "p", 1, false);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < MANY_ROWS + 1; i++) {
                next.insert("named", "kept" + i, (long) i);
                kept.add("kept" + i);
            }
            next.flush();
            connection.commit();
            assertEquals(kept, inRowidOrder(connection));
        }
    }

    private static List<Object> values(ReadModelRow row) {
        return java.util.Arrays.asList(row.integer(0), row.text(1), row.decimal(2));
    }

    private static Map<String, Long> rowsOf(List<ReadModelRow> rows) {
        Map<String, Long> result = new TreeMap<>();
        rows.forEach(row -> result.put(row.text(0), row.integer(1)));
        return result;
    }

    private static List<String> inRowidOrder(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM rm_p__named_g1 ORDER BY rowid");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static Connection fresh() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE rm_p__keyed_g1 (position INTEGER, value TEXT, amount TEXT, PRIMARY KEY (position))");
            statement.execute("CREATE TABLE rm_p__named_g1 (name TEXT, count INTEGER, PRIMARY KEY (name))");
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
