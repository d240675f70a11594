package dev.eventscope.projection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writing access to one projection's tables inside the open read-model transaction. Values are
 * String, Long (or Integer), BigDecimal, byte[] or null, in the table's column order. Writes may be
 * batched; every read sees every earlier write of the same transaction.
 */
public interface ReadModelTables {

    /** The generation of the projection's tables these are (a rebuild writes a new generation beside the one in service). */
    int generation();

    /**
     * Whether these are a rebuild's shadow tables, which nothing reads until they are swapped in: a
     * projection may leave a table that is a function of the others for {@link Projection#rebuilt}.
     */
    boolean building();

    /** Adds a row; fails if the primary key is taken. */
    void insert(String table, Object... values);

    /** Adds the row or replaces the one with the same primary key. */
    void upsert(String table, Object... values);

    /** Removes every row of the table. */
    void clear(String table);

    /** The row with this primary key. */
    Optional<ReadModelRow> find(String table, Object... primaryKey);

    /**
     * The row with the greatest {@code orderColumn} among those whose {@code columns} hold {@code values} (an index that
     * leads with those columns and then {@code orderColumn} makes it one lookup); empty when there is none.
     */
    Optional<ReadModelRow> last(String table, List<String> columns, List<Object> values, String orderColumn);

    /** Every row of the table, in primary-key order (for small tables only). */
    List<ReadModelRow> all(String table);

    /**
     * Some columns of every row, in the order of {@code orderBy} (column names), one row at a time: for
     * a pass over a large table. The row's values are the named columns, in the order named.
     */
    void forEach(String table, List<String> columns, List<String> orderBy, Consumer<ReadModelRow> row);

    /** The greatest value of an integer column (a one-row index lookup when the column leads an index); 0 when the table is empty. */
    long max(String table, String integerColumn);
}
