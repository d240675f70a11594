package dev.eventscope.ui.timeline;

import dev.eventscope.ui.BreakingCell;
import dev.eventscope.ui.TableFit;
import dev.eventscope.ui.state.WhyLine;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.List;

import static dev.eventscope.ui.timeline.TextColumns.value;

/** The Why? tab (WhyView.fxml, included by the state panel): the postings behind a balance, each a link to its event. */
public final class WhyView {

    /** Below this width the Why? table shows a posting's position, date, description, user and command with its entry id. */
    private static final double WIDE_WHY = 720;

    private final WhyViewModel model;
    private boolean narrowWhy;

    @FXML private Label whyTitle;
    @FXML private TableView<WhyLine> whyTable;
    @FXML private TableColumn<WhyLine, String> whyPositionColumn;
    @FXML private TableColumn<WhyLine, String> whyEntryColumn;
    @FXML private TableColumn<WhyLine, String> whyDateColumn;
    @FXML private TableColumn<WhyLine, String> whyAmountColumn;
    @FXML private TableColumn<WhyLine, String> whyBalanceColumn;
    @FXML private TableColumn<WhyLine, String> whyUserColumn;
    @FXML private TableColumn<WhyLine, String> whyCommandColumn;
    @FXML private TableColumn<WhyLine, String> whyDescriptionColumn;

    WhyView(WhyViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        whyTitle.textProperty().bind(model.titleProperty());
        whyTable.setItems(model.lines());
        value(whyPositionColumn, line -> Long.toString(line.position()));
        value(whyEntryColumn, line -> narrowWhy ? line.date() + " · " + line.entryId() + "\n" + line.description() + "\n"
                + "#" + line.position() + " · " + line.user() + " · " + line.command() : line.entryId());
        value(whyDateColumn, WhyLine::date);
        value(whyAmountColumn, WhyLine::amount);
        value(whyBalanceColumn, WhyLine::runningBalance);
        value(whyUserColumn, WhyLine::user);
        value(whyCommandColumn, WhyLine::command);
        value(whyDescriptionColumn, WhyLine::description);
        // an entry id too long for its share of a narrow panel goes onto a second line (after a hyphen), never "…"
        BreakingCell.install(whyEntryColumn);
        // the entry (with the details in a narrow panel) takes the room the amounts leave
        TableFit.installElastic(whyTable, whyEntryColumn, whyEntryColumn, whyDateColumn, whyAmountColumn, whyBalanceColumn, whyUserColumn,
                whyCommandColumn, whyDescriptionColumn);
        // in a panel too narrow for eight columns the date, description, user and command read with the entry id, wrapped,
        // instead of in columns off to the side
        whyTable.widthProperty().addListener((observable, before, width) -> narrowWhy(width.doubleValue() < WIDE_WHY));
        narrowWhy(whyTable.getWidth() > 0 && whyTable.getWidth() < WIDE_WHY);
        whyTable.setOnMouseClicked(event -> model.open(whyTable.getSelectionModel().getSelectedItem()));
        whyTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.open(whyTable.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void narrowWhy(boolean narrow) {
        if (narrow != narrowWhy) {
            narrowWhy = narrow;
            // the position goes onto the posting's first line too: its own column left the posting ~155 px at 1280 px
            // (six or seven lines a posting, two and a half seen at once; session 22)
            for (TableColumn<WhyLine, String> column : List.of(whyPositionColumn, whyDateColumn, whyUserColumn, whyCommandColumn,
                    whyDescriptionColumn)) {
                column.setVisible(!narrow);
            }
            whyEntryColumn.setText(narrow ? "Posting" : "Entry");
            whyTable.refresh();
        }
    }
}
