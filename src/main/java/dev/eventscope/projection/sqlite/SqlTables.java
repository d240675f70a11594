package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.Projection;
import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.ReadModelRow;
import dev.eventscope.projection.ReadModelTables;
import dev.eventscope.projection.TableDefinition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One projection generation's tables inside an open transaction. Inserts and upserts are batched
 * per table and run before any read of that table, and before a different kind of write to the same
 * table, so every read sees every earlier write (a read of one table does not force the batched
 * writes of the others: a projection that looks up a balance per posting keeps its register inserts
 * in one large batch).
 */
final class SqlTables implements ReadModelTables {

    private final Connection connection;
    private final String projection;
    private final int generation;
    private final boolean building;
    private final Map<String, TableDefinition> definitions = new HashMap<>();
    private final Map<String, String> physicalNames = new HashMap<>();
    /** The connection's statements, shared by every transaction (prepared once, not once per batch). */
    private final Map<String, PreparedStatement> statements;
    private final Map<String, PreparedStatement> pendingByTable = new HashMap<>();
    private final Map<String, String> insertSql = new HashMap<>();
    private final Map<String, String> upsertSql = new HashMap<>();
    private final Map<String, String> findSql = new HashMap<>();

    SqlTables(Connection connection, Map<String, PreparedStatement> statements, List<TableDefinition> tables, String projection,
              int generation, boolean building) {
        this.connection = connection;
        this.statements = statements;
        this.projection = projection;
        this.generation = generation;
        this.building = building;
        for (TableDefinition table : tables) {
            definitions.put(table.name(), table);
            physicalNames.put(table.name(), physicalName(projection, table.name(), generation));
            String placeholders = table.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
            insertSql.put(table.name(), "INSERT INTO " + physicalNames.get(table.name()) + " VALUES (" + placeholders + ")");
            // an upsert updates the row in place (INSERT OR REPLACE would delete it and insert it again)
            List<String> others = table.columns().stream().map(TableDefinition.Column::name)
                    .filter(column -> !table.primaryKey().contains(column)).toList();
            upsertSql.put(table.name(), "INSERT INTO " + physicalNames.get(table.name()) + " VALUES (" + placeholders
                    + ") ON CONFLICT (" + String.join(", ", table.primaryKey()) + ") DO "
                    + (others.isEmpty() ? "NOTHING" : "UPDATE SET " + others.stream()
                            .map(column -> column + " = excluded." + column).collect(Collectors.joining(", "))));
        }
    }

    /**
     * The tables of {@code projection}'s generation that this transaction has {@code opened} already (a catch-up asks
     * for them once per batch and projection), or new ones, added to {@code opened}.
     */
    static SqlTables openedOrNew(List<SqlTables> opened, Connection connection, Map<String, PreparedStatement> statements,
                                 Projection projection, int generation, boolean building) {
        for (SqlTables tables : opened) {
            if (tables.projection.equals(projection.name()) && tables.generation == generation && tables.building == building) {
                return tables;
            }
        }
        SqlTables tables = new SqlTables(connection, statements, projection.tables(), projection.name(), generation, building);
        opened.add(tables);
        return tables;
    }

    static String physicalName(String projection, String table, int generation) {
        return "rm_" + projection + "__" + table + "_g" + generation;
    }

    @Override
    public int generation() {
        return generation;
    }

    @Override
    public boolean building() {
        return building;
    }

    @Override
    public void insert(String table, Object... values) {
        write(table, insertSql, values);
    }

    @Override
    public void upsert(String table, Object... values) {
        write(table, upsertSql, values);
    }

    private void write(String table, Map<String, String> sqlByTable, Object[] values) {
        TableDefinition definition = definition(table);
        if (values.length != definition.columns().size()) {
            throw new IllegalArgumentException("table " + table + " has " + definition.columns().size()
                    + " columns, but " + values.length + " values were given");
        }
        String sql = sqlByTable.get(table);
        try {
            PreparedStatement statement = statement(sql);
            PreparedStatement pending = pendingByTable.get(table);
            if (pending != null && pending != statement) {
                pending.executeBatch();
            }
            for (int i = 0; i < values.length; i++) {
                SqlValues.bind(statement, i + 1, values[i]);
            }
            statement.addBatch();
            pendingByTable.put(table, statement);
        } catch (SQLException e) {
            throw new ReadModelException("Could not write to the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ReadModelRow> find(String table, Object... primaryKey) {
        TableDefinition definition = definition(table);
        flush(table);
        String sql = findSql.computeIfAbsent(table, name -> "SELECT * FROM " + physicalNames.get(name) + " WHERE "
                + definition.primaryKey().stream().map(column -> column + " = ?").collect(Collectors.joining(" AND ")));
        try {
            PreparedStatement statement = statement(sql);
            for (int i = 0; i < primaryKey.length; i++) {
                SqlValues.bind(statement, i + 1, primaryKey[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows, definition)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ReadModelException("Could not read the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ReadModelRow> all(String table) {
        TableDefinition definition = definition(table);
        flush(table);
        String sql = "SELECT * FROM " + physicalNames.get(table) + " ORDER BY " + String.join(", ", definition.primaryKey());
        try (ResultSet rows = statement(sql).executeQuery()) {
            List<ReadModelRow> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row(rows, definition));
            }
            return result;
        } catch (SQLException e) {
            throw new ReadModelException("Could not read the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ReadModelRow> last(String table, List<String> columns, List<Object> values, String orderColumn) {
        TableDefinition definition = definition(table);
        flush(table);
        String where = columns.isEmpty() ? "" : " WHERE " + columns.stream().map(column -> column + " = ?")
                .collect(Collectors.joining(" AND "));
        try {
            PreparedStatement statement = statement("SELECT * FROM " + physicalNames.get(table) + where + " ORDER BY "
                    + orderColumn + " DESC LIMIT 1");
            for (int i = 0; i < values.size(); i++) {
                SqlValues.bind(statement, i + 1, values.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows, definition)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ReadModelException("Could not read the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void clear(String table) {
        definition(table);
        flush(table);
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + physicalNames.get(table))) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new ReadModelException("Could not clear the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(String table, List<String> columns, List<String> orderBy, Consumer<ReadModelRow> row) {
        TableDefinition definition = definition(table);
        List<TableDefinition.ColumnType> types = columns.stream().map(name -> definition.columns().stream()
                .filter(column -> column.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no column " + name)).type()).toList();
        flush(table);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + String.join(", ", columns) + " FROM "
                + physicalNames.get(table) + " ORDER BY " + String.join(", ", orderBy));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Object[] values = new Object[types.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = SqlValues.read(rows, i + 1, types.get(i));
                }
                row.accept(new ReadModelRow(values));
            }
        } catch (SQLException e) {
            throw new ReadModelException("Could not read the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long max(String table, String integerColumn) {
        TableDefinition definition = definition(table);
        if (definition.columns().stream().noneMatch(column -> column.name().equals(integerColumn)
                && column.type() == TableDefinition.ColumnType.INTEGER)) {
            throw new IllegalArgumentException("table " + table + " has no integer column " + integerColumn);
        }
        flush(table);
        try (ResultSet rows = statement("SELECT COALESCE(MAX(" + integerColumn + "), 0) FROM " + physicalNames.get(table))
                .executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new ReadModelException("Could not read the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    static ReadModelRow row(ResultSet rows, TableDefinition definition) throws SQLException {
        Object[] values = new Object[definition.columns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = SqlValues.read(rows, i + 1, definition.columns().get(i).type());
        }
        return new ReadModelRow(values);
    }

    /** Runs the batched writes to one table: a read of a table needs only its own writes. */
    private void flush(String table) {
        PreparedStatement pending = pendingByTable.remove(table);
        if (pending == null) {
            return;
        }
        try {
            pending.executeBatch();
        } catch (SQLException e) {
            throw new ReadModelException("Could not write to the read-model table " + table + ": " + e.getMessage(), e);
        }
    }

    /** Runs every batched write. */
    void flush() {
        try {
            for (PreparedStatement pending : pendingByTable.values()) {
                pending.executeBatch();
            }
            pendingByTable.clear();
        } catch (SQLException e) {
            throw new ReadModelException("Could not write to the read model: " + e.getMessage(), e);
        }
    }

    /**
     * The transaction is over: rows still pending (it failed before they ran) are dropped, so that the shared statements
     * never run them in a later transaction.
     */
    void release() {
        for (PreparedStatement pending : pendingByTable.values()) {
            try {
                pending.clearBatch();
            } catch (SQLException ignored) {
                // a statement that cannot clear its batch is closed with the connection; nothing was written
            }
        }
        pendingByTable.clear();
    }

    private TableDefinition definition(String table) {
        TableDefinition definition = definitions.get(table);
        if (definition == null) {
            throw new IllegalArgumentException("this projection has no table " + table);
        }
        return definition;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        return preparedOnce(statements, connection, sql);
    }

    /** The statement {@code statements} holds for {@code sql}, prepared on {@code connection} the first time. */
    static PreparedStatement preparedOnce(Map<String, PreparedStatement> statements, Connection connection, String sql)
            throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }
}
