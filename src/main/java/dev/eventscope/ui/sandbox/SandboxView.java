package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.DateFields;
import dev.eventscope.ui.sandbox.SandboxViewModel.BalanceRow;
import dev.eventscope.ui.sandbox.SandboxViewModel.ProposalRow;
import dev.eventscope.ui.sandbox.SandboxViewModel.TimelineRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * The "Propose adjustments…" window: a form to propose an entry with its reason, the proposals with their verdicts,
 * and the balances as posted beside as adjusted (rows a proposal changes are marked and name the proposals).
 */
public final class SandboxView {

    private final SandboxViewModel model;

    public SandboxView(SandboxViewModel model) {
        this.model = model;
    }

    /** Shows the window on {@code stage} and loads the sandbox. */
    public void show(Stage stage, double width, double height) {
        stage.setTitle("Propose adjustments");
        stage.setScene(new Scene(build(), width, height));
        stage.show();
        model.load();
    }

    VBox build() {
        DatePicker date = new DatePicker(LocalDate.now());
        date.setId("proposalDate");
        Label dateProblem = new Label();
        dateProblem.setId("proposalDateProblem");
        dateProblem.setStyle("-fx-text-fill: #b00020;");
        dateProblem.managedProperty().bind(dateProblem.textProperty().isNotEmpty());
        DateFields.install(date, dateProblem::setText);
        TextField description = field("proposalDescription", "Description", 220);
        TextField debit = field("proposalDebit", "Debit account (e.g. expenses:fees)", 240);
        TextField credit = field("proposalCredit", "Credit account (e.g. liabilities:accrued)", 240);
        TextField amount = field("proposalAmount", "Amount", 100);
        TextField commodity = field("proposalCommodity", "Commodity", 70);
        commodity.setText("EUR");
        TextField reason = field("proposalReason", "Reason (required)", 260);
        Button propose = new Button("Propose");
        propose.setId("proposeButton");
        propose.disableProperty().bind(reason.textProperty().isEmpty().or(amount.textProperty().isEmpty())
                .or(debit.textProperty().isEmpty()).or(credit.textProperty().isEmpty()));
        propose.setOnAction(event -> model.proposeEntry(date.getValue(), description.getText(), debit.getText(), credit.getText(),
                amount.getText(), commodity.getText(), reason.getText()));
        propose.setMinWidth(Region.USE_PREF_SIZE);
        // wraps onto a second row in a narrow window instead of cutting fields and the button short
        FlowPane form = new FlowPane(8, 6, date, description, debit, credit, amount, commodity, reason, propose, dateProblem);

        Label message = new Label();
        message.setId("sandboxMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.message());

        TableView<ProposalRow> proposals = new TableView<>(model.proposals());
        proposals.setId("proposalsTable");
        proposals.getColumns().add(column("#", ProposalRow::number, 40));
        proposals.getColumns().add(column("Proposal", ProposalRow::proposal, 340));
        proposals.getColumns().add(column("Lines", ProposalRow::lines, 320));
        proposals.getColumns().add(column("Status", ProposalRow::status, 380));
        proposals.getColumns().add(column("Reason", ProposalRow::reason, 260));
        proposals.getColumns().add(column("Proposed by", ProposalRow::proposedBy, 140));
        proposals.setPrefHeight(220);
        proposals.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);

        TableView<BalanceRow> asPosted = balanceTable("asPostedTable", false);
        TableView<BalanceRow> asAdjusted = balanceTable("asAdjustedTable", true);
        TableView<TimelineRow> timeline = timelineTable(proposals);
        SplitPane sideBySide = new SplitPane(titled("As posted", asPosted), titled("As adjusted", asAdjusted),
                titled("Timeline as posted beside as adjusted (by entry date)", timeline));
        sideBySide.setDividerPositions(0.27, 0.6);
        VBox.setVgrow(sideBySide, Priority.ALWAYS);

        Label profit = new Label();
        profit.setId("sandboxProfit");
        profit.textProperty().bind(model.profit());

        Label baseText = new Label();
        baseText.setId("sandboxBase");
        baseText.textProperty().bind(model.base());
        TextField point = field("sandboxBasePoint", "head, a position or a recorded time", 260);
        Button move = new Button("Move the base");
        move.setId("moveBaseButton");
        move.setOnAction(event -> model.moveBase(point.getText()));
        point.setOnAction(event -> model.moveBase(point.getText()));
        FlowPane base = new FlowPane(8, 6, baseText, point, move);

        VBox root = new VBox(10, new Label("Proposed entries are decided by the ledger's own rules but never written to it."
                + " Each proposal needs a reason."), base, form, message, proposals, sideBySide, profit);
        root.setPadding(new Insets(12));
        root.setId("sandboxView");
        return root;
    }

    private TableView<BalanceRow> balanceTable(String id, boolean adjusted) {
        TableView<BalanceRow> table = new TableView<>(model.balances());
        table.setId(id);
        table.getColumns().add(column("Account", BalanceRow::account, 280));
        TableColumn<BalanceRow, String> commodity = column("Commodity", BalanceRow::commodity, 90);
        commodity.setMinWidth(96);
        table.getColumns().add(commodity);
        table.getColumns().add(rightAligned(column(adjusted ? "As adjusted" : "As posted",
                adjusted ? BalanceRow::asAdjusted : BalanceRow::asPosted, 130)));
        if (adjusted) {
            table.getColumns().add(rightAligned(column("Change", BalanceRow::change, 110)));
            table.getColumns().add(column("By proposals", BalanceRow::changedBy, 130));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(BalanceRow row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(!empty && row != null && row.changed() ? "-fx-background-color: #fff3c4;" : "");
            }
        });
        return table;
    }

    /** Each date a proposal posts on, each account's balance then; choosing a row selects the proposal that causes it. */
    private TableView<TimelineRow> timelineTable(TableView<ProposalRow> proposals) {
        TableView<TimelineRow> table = new TableView<>(model.timeline());
        table.setId("adjustedTimelineTable");
        table.getColumns().add(column("Date", TimelineRow::date, 90));
        table.getColumns().add(column("Account", TimelineRow::account, 170));
        TableColumn<TimelineRow, String> commodity = column("Commodity", TimelineRow::commodity, 84);
        commodity.setMinWidth(96);
        table.getColumns().add(commodity);
        table.getColumns().add(rightAligned(column("As posted", TimelineRow::asPosted, 100)));
        table.getColumns().add(rightAligned(column("As adjusted", TimelineRow::asAdjusted, 100)));
        table.getColumns().add(rightAligned(column("Change", TimelineRow::change, 90)));
        table.getColumns().add(column("Proposals", TimelineRow::changedBy, 90));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No accepted proposal posts anything yet."));
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (row == null || row.proposals().isEmpty()) {
                return;
            }
            String number = Integer.toString(row.proposals().get(row.proposals().size() - 1));
            proposals.getItems().stream().filter(proposal -> proposal.number().equals(number)).findFirst().ifPresent(proposal -> {
                proposals.getSelectionModel().select(proposal);
                proposals.scrollTo(proposal);
            });
        });
        return table;
    }

    private static <R> TableColumn<R, String> rightAligned(TableColumn<R, String> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold;");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, label, table);
    }

    private static TextField field(String id, String prompt, double width) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefWidth(width);
        field.setMinWidth(Math.min(width, 80));
        return field;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        column.setPrefWidth(width);
        return column;
    }
}
