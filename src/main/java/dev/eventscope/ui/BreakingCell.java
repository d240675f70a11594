package dev.eventscope.ui;

import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A table cell whose text, when wider than its column, is broken onto more lines at its natural breaks (after the
 * colons of an account name or a hyphen, at spaces, so "before → after" goes on two lines) instead of being cut with
 * an ellipsis; the row grows to fit. The whole text is also shown on hover. Subclasses style the cell in
 * {@link #decorate}.
 */
public class BreakingCell<S> extends TableCell<S, String> {

    private final Tooltip tooltip = new Tooltip();
    private String whole;

    public BreakingCell() {
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
        // the lines of a right-aligned value ("-14.90 EUR" above "Sparkasse account fees") end at the same edge
        alignmentProperty().addListener((observable, before, now) -> setTextAlignment(now == null ? TextAlignment.LEFT
                : switch (now.getHpos()) {
                    case RIGHT -> TextAlignment.RIGHT;
                    case CENTER -> TextAlignment.CENTER;
                    default -> TextAlignment.LEFT;
                }));
        // the lines are broken for the room the cell is given as it is laid out too: broken for its column's width
        // only, "assets:receivables:customers (EUR)" was cut to "(E…" at 1280 × 800 in a cell narrower than it measured
        widthProperty().addListener(observable -> {
            if (whole != null) {
                long lines = lineCount(getText());
                show();
                if (lineCount(getText()) != lines) {
                    remeasureRow();
                }
            }
        });
    }

    /**
     * Gives {@code column} breaking cells made by {@code cells}; when the column's width changes its table is refreshed,
     * so the lines are broken afresh and the rows take their new heights (a table keeps the heights it measured).
     */
    public static <S> void install(TableColumn<S, String> column, Supplier<BreakingCell<S>> cells) {
        column.setCellFactory(ignored -> cells.get());
        boolean[] pending = new boolean[1];
        column.widthProperty().addListener(observable -> {
            if (!pending[0] && column.getTableView() != null) {
                pending[0] = true;
                Platform.runLater(() -> {
                    pending[0] = false;
                    column.getTableView().refresh();
                });
            }
        });
    }

    /**
     * Session 23: a cell re-broken while its row is laid out (its width set there, e.g. when the table's vertical scroll
     * bar appears and the names' column narrows) grew a line the row was not resized for: the table's flow lays its rows
     * out again only when one of them asks, and the row had finished its layout by then, so "assets:fixed:" /
     * "accumulated-" showed and "depreciation" was drawn under the row's edge. The row asks after this pulse.
     */
    private void remeasureRow() {
        if (!remeasureAsked) {
            remeasureAsked = true;
            Platform.runLater(() -> {
                remeasureAsked = false;
                if (getTableRow() != null) {
                    getTableRow().requestLayout();
                }
            });
        }
    }

    private boolean remeasureAsked;

    private static long lineCount(String text) {
        return text == null ? 0 : text.chars().filter(character -> character == '\n').count() + 1;
    }

    /** {@link #install(TableColumn, Supplier)} with plain breaking cells. */
    public static <S> void install(TableColumn<S, String> column) {
        install(column, BreakingCell::new);
    }

    @Override
    protected final void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        whole = empty || text == null || text.isEmpty() ? null : text;
        long lines = lineCount(getText());
        show();
        if (lineCount(getText()) != lines) {
            remeasureRow(); // a cell given a new item inside its row's layout (a refresh) is not measured again either
        }
        setTooltip(whole == null ? null : tooltip);
        tooltip.setText(whole == null ? "" : whole);
        decorate(whole, empty);
    }

    /**
     * A text of several lines is given a few pixels more than it measures: under GTK the label's skin clipped such a
     * text about two pixels short of its height, so the last line lost its descenders ("Pay" read "Pav"), the row
     * sized exactly to the measured lines.
     */
    @Override
    protected double computePrefHeight(double width) {
        double height = super.computePrefHeight(width);
        String shown = getText();
        return shown != null && shown.indexOf('\n') >= 0 ? Math.ceil(height + DESCENT_ROOM) : height;
    }

    private static final double DESCENT_ROOM = 4;

    /**
     * The share of the column's room a line may take: a tenth to spare by default, as a changed line is set in bold by
     * the style sheet, which a new cell may not have applied yet; a column never set in bold may take it all.
     */
    protected double spare() {
        return 0.9;
    }

    /** Styles the cell for {@code text} (null when there is none); nothing by default. */
    protected void decorate(String text, boolean empty) {
    }

    /** The whole text of the cell, on one line (its shown text may be broken onto several). */
    public String wholeText() {
        return whole;
    }

    private void show() {
        if (whole == null) {
            setText(null);
            return;
        }
        // the column's width, known before the cell is laid out: the row measures its height from the text set here
        double width = getTableColumn() == null ? getWidth() : getWidth() > 0 ? Math.min(getWidth(), getTableColumn().getWidth())
                : getTableColumn().getWidth();
        double room = width - snappedLeftInset() - snappedRightInset() - 4;
        String broken = room <= 0 ? whole : lines(whole, room * spare(), getFont());
        if (!broken.equals(getText())) {
            setText(broken);
        }
    }

    /**
     * {@code text} broken onto lines no wider than {@code room} in {@code font} where it can be: after ':' or '-' and at
     * spaces, the space dropped. A part without a break wider than the room stays whole (and is cut as any label is).
     */
    public static String lines(String text, double room, Font font) {
        if (text.indexOf('\n') >= 0) {
            // each line of a text that has several is broken on its own
            return String.join("\n", text.lines().map(line -> lines(line, room, font)).toList());
        }
        Text measure = new Text();
        measure.setFont(font);
        if (width(measure, text) <= room) {
            return text;
        }
        // an account name breaks at its colons where that is enough ("assets:fixed:" above "accumulated-depreciation")
        String atColons = packed(parts(text, ":"), room, measure);
        if (atColons.lines().allMatch(line -> width(measure, line) <= room)) {
            return atColons;
        }
        return packed(parts(text, ": -"), room, measure);
    }

    private static String packed(List<String> parts, double room, Text measure) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            String candidate = line + part;
            if (line.length() > 0 && width(measure, candidate.stripTrailing()) > room) {
                out.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                // a line never starts with the space it was broken at ("refused:" above " Entry …" at 1920 px)
                line.append(part.stripLeading());
            } else {
                line.append(part);
            }
        }
        return out.append(line.toString().stripTrailing()).toString();
    }

    /**
     * The text cut after each of {@code breaks} (':', ' ', '-'; a '-' never starts a part, nor breaks before a digit, so
     * a date "2025-12-30" or a code "LOAN-4471-10" keeps its numbers with it) kept with the part before it.
     */
    private static List<String> parts(String text, String breaks) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int index = 0; index < text.length(); index++) {
            char each = text.charAt(index);
            // "OB-2025" and "BILL-2025-001" read "OB-" above "2025" in the Why? table at 1280 px: a code keeps its number
            boolean beforeDigit = each == '-' && index + 1 < text.length() && Character.isDigit(text.charAt(index + 1));
            if (breaks.indexOf(each) >= 0 && (each != '-' || index > start && !beforeDigit)) {
                parts.add(text.substring(start, index + 1));
                start = index + 1;
            }
        }
        if (start < text.length()) {
            parts.add(text.substring(start));
        }
        return parts;
    }

    private static double width(Text measure, String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
