package dev.eventscope.ui.timeline;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** The state panel's columns of text, each cell the text {@code value} gives its row ("" for none). */
final class TextColumns {

    private TextColumns() {
    }

    static <S> void value(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? "" : value.apply(cell.getValue())));
    }
}
