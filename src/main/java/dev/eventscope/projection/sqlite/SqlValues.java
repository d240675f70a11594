package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.TableDefinition;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binding and reading read-model values; decimals travel as exact text. */
final class SqlValues {

    private SqlValues() {
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long || value instanceof Integer) {
            statement.setLong(index, ((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            statement.setString(index, decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setString(index, value.toString());
        }
    }

    static Object read(ResultSet rows, int index, TableDefinition.ColumnType type) throws SQLException {
        switch (type) {
            case INTEGER -> {
                long value = rows.getLong(index);
                return rows.wasNull() ? null : value;
            }
            case DECIMAL -> {
                String text = rows.getString(index);
                return text == null ? null : new BigDecimal(text);
            }
            case BLOB -> {
                return rows.getBytes(index);
            }
            default -> {
                return rows.getString(index);
            }
        }
    }

    static String sqlType(TableDefinition.ColumnType type) {
        return switch (type) {
            case INTEGER -> "INTEGER";
            case BLOB -> "BLOB";
            default -> "TEXT";
        };
    }
}
