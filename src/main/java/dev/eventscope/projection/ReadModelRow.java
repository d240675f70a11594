package dev.eventscope.projection;

import java.math.BigDecimal;
import java.util.Arrays;

/** One row of a read-model table, its values in column order (String, Long, BigDecimal, byte[] or null). */
public record ReadModelRow(Object[] values) {

    public String text(int column) {
        Object value = values[column];
        return value == null ? null : value.toString();
    }

    public long integer(int column) {
        Object value = values[column];
        return value == null ? 0 : ((Number) value).longValue();
    }

    public BigDecimal decimal(int column) {
        Object value = values[column];
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public byte[] blob(int column) {
        return (byte[]) values[column];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadModelRow row && Arrays.deepEquals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
