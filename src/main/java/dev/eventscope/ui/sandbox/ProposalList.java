package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.ShownText;
import dev.eventscope.ui.sandbox.SandboxViewModel.ProposalRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.function.Function;

/**
 * The sandbox's proposals: a list of one line per proposal (its number, the verdict's first word, what it proposes) and,
 * under it, the chosen proposal whole (what it proposes, the verdict's sentence, reason, proposer and lines). Session 21:
 * rows that held all of that showed about one proposal at a time at 1280 x 720.
 */
final class ProposalList {

    private ProposalList() {
    }

    /** The list of proposals, one line each. */
    static TableView<ProposalRow> table(ObservableList<ProposalRow> rows) {
        TableView<ProposalRow> proposals = new TableView<>(rows);
        proposals.setId("proposalsTable");
        TableColumn<ProposalRow, String> number = column("#", ProposalRow::number, 36);
        number.setMinWidth(30);
        proposals.getColumns().add(number);
        // a list of one line per proposal with the chosen one's whole text under it: beside the forms on a 1280 x 720
        // screen the table is about 400 px wide and 250 px tall, and rows that held a proposal's verdict, reason and
        // lines (broken between words) were ~150 px tall each, so about one proposal was seen at a time
        TableColumn<ProposalRow, String> verdict = column("Verdict", ProposalList::verdictWord, 80);
        verdict.setMinWidth(76);
        proposals.getColumns().add(verdict);
        proposals.getColumns().add(oneLine(column("Proposal", ProposalRow::proposal, 420)));
        proposals.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        proposals.setPlaceholder(new Label("No proposals yet: fill in a form on the left, with a reason."));
        return proposals;
    }

    /** The pane under {@code proposals} showing the chosen proposal whole; keeps a proposal chosen. */
    static javafx.scene.control.ScrollPane detail(TableView<ProposalRow> proposals, ObservableList<ProposalRow> rows) {
        Label detail = new Label();
        detail.setId("proposalDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setPadding(new Insets(4, 6, 4, 6));
        detail.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> detailText(proposals.getSelectionModel().getSelectedItem(), !rows.isEmpty()),
                proposals.getSelectionModel().selectedItemProperty(), rows));
        javafx.scene.control.ScrollPane detailPane = new javafx.scene.control.ScrollPane(detail);
        detailPane.setId("proposalDetailPane");
        detailPane.setFitToWidth(true);
        detailPane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        detailPane.setMinHeight(60);
        // the chosen proposal stays chosen when the proposals are decided again; a new one (or none chosen) shows the newest
        keepsAProposalChosen(proposals);
        return detailPane;
    }

    /**
     * The list above the chosen proposal's pane, with a divider a person can drag; the list gets about a quarter of the height
     * (and at least its header and a row per proposal, up to six), the pane the rest, so both grow with the window.
     */
    static javafx.scene.control.SplitPane listAndDetail(TableView<ProposalRow> proposals, javafx.scene.control.ScrollPane detailPane) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(proposals, detailPane);
        split.setId("proposalsAndDetail");
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        // the header and a row per proposal, up to six (five wholly seen wherever the list is scrolled), whatever the share
        // and wherever the divider is dragged: at 1280 x 720 a share alone gave either four rows or a detail of three lines
        // under five empty rows; the detail gets the rest
        proposals.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> listMinHeight(proposals.getItems().size()), proposals.getItems()));
        split.setDividerPositions(LIST_SHARE);
        return split;
    }

    /** The list's share of the height it shares with the chosen proposal's pane (more when its rows need it). */
    static final double LIST_SHARE = 0.25;

    /** The list's least height for {@code count} proposals: its header and a row of 24 px (the base font) each, one to six. */
    static double listMinHeight(int count) {
        return 32 + 24 * Math.max(1, Math.min(count, 6));
    }

    /** A one-line cell: cut at its end with an ellipsis when narrower than its text, the whole text on hover. */
    private static <R> TableColumn<R, String> oneLine(TableColumn<R, String> column) {
        column.setMinWidth(120);
        column.setCellFactory(view -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                String shown = empty ? null : dev.eventscope.ui.ShownText.shortened(text);
                setText(shown);
                setTooltip(shown == null || shown.isEmpty() ? null : new javafx.scene.control.Tooltip(shown));
            }
        });
        return column;
    }

    /** The first word of a verdict, for the list: "accepted", "refused" or "applied"; the detail pane has the sentence. */
    static String verdictWord(ProposalRow row) {
        String status = row.status() == null ? "" : row.status();
        int end = 0;
        while (end < status.length() && Character.isLetter(status.charAt(end))) {
            end++;
        }
        return status.substring(0, end);
    }

    /** The detail pane's text: the chosen proposal whole, its lines under it; else a sentence saying what to do. */
    static String detailText(ProposalRow row, boolean anyProposals) {
        if (row == null) {
            return anyProposals ? "Choose a proposal above to read its verdict, reason and lines." : "";
        }
        // no empty line before the lines (session 22: at 1280 x 720 with seven proposals every line of the pane counts)
        String lines = row.lines() == null || row.lines().isBlank() ? "" : "\nLines:\n" + row.lines();
        return "#" + row.number() + " " + proposalText(row) + lines;
    }

    /**
     * Keeps a proposal chosen in {@code proposals}: after the list is decided again the same number, else the newest
     * (the one just proposed, whose verdict the user wants to read).
     */
    private static void keepsAProposalChosen(TableView<ProposalRow> proposals) {
        String[] chosen = {null};
        proposals.getSelectionModel().selectedItemProperty().addListener((observable, before, row) -> {
            if (row != null) {
                chosen[0] = row.number();
            }
        });
        proposals.getItems().addListener((javafx.collections.ListChangeListener<ProposalRow>) change -> {
            List<ProposalRow> rows = proposals.getItems();
            if (rows.isEmpty()) {
                chosen[0] = null;
                return;
            }
            ProposalRow keep = rows.stream().filter(row -> row.number().equals(chosen[0])).findFirst().orElse(rows.get(rows.size() - 1));
            int size = rows.size();
            boolean added = false;
            while (change.next()) {
                added |= change.wasAdded() && change.getAddedSize() > change.getRemovedSize();
            }
            // a proposal added: the newest is shown (its verdict is what the user waits for)
            ProposalRow shown = added && size > 0 ? rows.get(size - 1) : keep;
            javafx.application.Platform.runLater(() -> {
                if (proposals.getItems().contains(shown)) {
                    proposals.getSelectionModel().select(shown);
                    proposals.scrollTo(shown);
                }
            });
        });
    }

    /** A proposal's whole text: what it proposes, its verdict, why and who proposed it, each on a line of its own. */
    static String proposalText(ProposalRow row) {
        // each field printable and shortened: a proposal quotes a description, a reason and a user (session 23, adversary)
        StringBuilder text = new StringBuilder(ShownText.shortened(row.proposal())).append('\n').append(row.status());
        boolean reason = row.reason() != null && !row.reason().isBlank();
        if (reason) {
            text.append("\nReason: ").append(ShownText.shortened(row.reason()));
        }
        // the proposer on the reason's line (a line fewer in the pane at 1280 x 720)
        if (row.proposedBy() != null && !row.proposedBy().isBlank()) {
            text.append(reason ? " · by " : "\nBy ").append(ShownText.shortened(row.proposedBy()));
        }
        return text.toString();
    }

    /** The entry a proposal writes, read from its text ("post ADJ-1 …", "reverse X of … on … as X-R"); null for other commands. */
    static String writtenEntry(ProposalRow row) {
        String[] words = row.proposal() == null ? new String[0] : row.proposal().split(" ");
        if (words.length > 1 && words[0].equals("post")) {
            return words[1];
        }
        // a reversal's line ends "as ID" (Proposal.summary), after the reversed entry's description
        if (words.length > 2 && words[0].equals("reverse") && words[words.length - 2].equals("as")) {
            return words[words.length - 1];
        }
        return null;
    }


    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        column.setPrefWidth(width);
        return column;
    }
}
