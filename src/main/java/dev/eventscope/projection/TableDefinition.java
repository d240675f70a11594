package dev.eventscope.projection;

import java.util.List;
import java.util.Objects;

/**
 * One table of a projection's read model: its logical name (the store adds the {@code rm_} prefix and
 * the generation), its columns in order, the primary key and extra indexes. Indexes are built when a
 * rebuild or first catch-up ends (no query ever builds one). Decimal columns hold
 * {@link java.math.BigDecimal} as exact text, never as floating point.
 */
public record TableDefinition(String name, List<Column> columns, List<String> primaryKey, List<List<String>> indexes) {

    /** The kind of value a column holds. */
    public enum ColumnType { TEXT, INTEGER, DECIMAL, BLOB }

    /** A named, typed column. */
    public record Column(String name, ColumnType type) {
        public Column {
            Objects.requireNonNull(name, "column name");
            Objects.requireNonNull(type, "column type");
        }
    }

    public TableDefinition {
        Objects.requireNonNull(name, "table name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a read-model table name is lower-case letters, digits and '_': " + name);
        }
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = indexes.stream().map(List::copyOf).toList();
    }

    /** Starts a table definition. */
    public static Builder table(String name) {
        return new Builder(name);
    }

    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /** Builds a {@link TableDefinition} column by column. */
    public static final class Builder {
        private final String name;
        private final java.util.ArrayList<Column> columns = new java.util.ArrayList<>();
        private List<String> primaryKey = List.of();
        private final java.util.ArrayList<List<String>> indexes = new java.util.ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder text(String column) {
            columns.add(new Column(column, ColumnType.TEXT));
            return this;
        }

        public Builder integer(String column) {
            columns.add(new Column(column, ColumnType.INTEGER));
            return this;
        }

        public Builder decimal(String column) {
            columns.add(new Column(column, ColumnType.DECIMAL));
            return this;
        }

        public Builder blob(String column) {
            columns.add(new Column(column, ColumnType.BLOB));
            return this;
        }

        public Builder primaryKey(String... key) {
            primaryKey = List.of(key);
            return this;
        }

        public Builder index(String... key) {
            indexes.add(List.of(key));
            return this;
        }

        public TableDefinition build() {
            return new TableDefinition(name, columns, primaryKey, indexes);
        }
    }
}
