package dev.eventscope.ui.team;

import dev.eventscope.ui.BaseLook;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;

/** File › Open team ledger…: the URL, user and password (never saved) of a ledger on a PostgreSQL server. */
public final class TeamLedgerDialog {

    private final TeamLedgerViewModel model;
    private final Stage stage = new Stage();

    @FXML private TextField teamUrl;
    @FXML private TextField teamUser;
    @FXML private PasswordField teamPassword;
    @FXML private CheckBox teamReadOnly;
    @FXML private ProgressIndicator teamSpinner;
    @FXML private Label teamResult;
    @FXML private Button testConnectionButton;

    private TeamLedgerDialog(TeamLedgerViewModel model, Window owner) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Open team ledger");
        Scene scene = new Scene(load());
        BaseLook.addTo(scene);
        scene.getStylesheets().add(TeamLedgerDialog.class.getResource("/dev/eventscope/ui/team/team.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setOnHidden(event -> model.forgetPassword());
    }

    public static TeamLedgerDialog show(TeamLedgerViewModel model, Window owner) {
        TeamLedgerDialog dialog = new TeamLedgerDialog(model, owner);
        dialog.stage.show();
        return dialog;
    }

    private Parent load() {
        FXMLLoader loader = new FXMLLoader(TeamLedgerDialog.class.getResource("/dev/eventscope/ui/team/TeamLedgerDialog.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the open-team-ledger window could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        teamUrl.textProperty().bindBidirectional(model.urlProperty());
        teamUser.textProperty().bindBidirectional(model.userProperty());
        teamReadOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        // the field's text goes to the model only; it is cleared when the dialog closes
        teamPassword.textProperty().addListener((observable, before, text) -> model.setPassword(text.toCharArray()));
        teamSpinner.visibleProperty().bind(model.testingProperty());
        teamResult.textProperty().bind(model.resultProperty());
        model.resultGoodProperty().addListener((observable, before, good) -> style(good));
        model.resultProperty().addListener((observable, before, text) -> {
            style(model.resultGoodProperty().get());
            // grow the window with a long sentence so that Open and Cancel stay in view
            javafx.application.Platform.runLater(() -> {
                if (stage.isShowing()) {
                    stage.sizeToScene();
                }
            });
        });
        testConnectionButton.disableProperty().bind(model.testingProperty());
    }

    private void style(boolean good) {
        teamResult.getStyleClass().removeAll("verdict-ok", "verdict-bad");
        if (!teamResult.getText().isEmpty() && !model.testingProperty().get()) {
            teamResult.getStyleClass().add(good ? "verdict-ok" : "verdict-bad");
        }
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void open() {
        if (model.open()) {
            teamPassword.clear();
            stage.close();
        }
    }

    @FXML
    private void cancel() {
        teamPassword.clear();
        stage.close();
    }

    public Stage stage() {
        return stage;
    }
}
