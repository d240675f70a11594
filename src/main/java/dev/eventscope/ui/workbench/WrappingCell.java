package dev.eventscope.ui.workbench;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** A cell whose text wraps at its column's width (the row grows), in the cell's text colour (white on a selected row). */
final class WrappingCell<S> extends TableCell<S, String> {

    private final Text text = new Text();

    WrappingCell(TableColumn<S, String> column) {
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
        text.fillProperty().bind(textFillProperty());
        text.fontProperty().bind(fontProperty());
        setGraphic(text);
        setPrefHeight(USE_COMPUTED_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setText(null);
    }
}
