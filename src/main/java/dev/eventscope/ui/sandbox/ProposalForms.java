package dev.eventscope.ui.sandbox;

import dev.eventscope.ui.commands.ClosePeriodViewModel;
import dev.eventscope.ui.commands.CommandEnvironment;
import dev.eventscope.ui.commands.CommandFormView;
import dev.eventscope.ui.commands.CommandFormViewModel;
import dev.eventscope.ui.commands.OpenAccountViewModel;
import dev.eventscope.ui.commands.PostEntryView;
import dev.eventscope.ui.commands.PostEntryViewModel;
import dev.eventscope.ui.commands.ReverseEntryViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The proposal forms of the sandbox window: the real post-entry form (any number of lines, the balance shown live),
 * and the real reverse, open-account and close-period forms, each running in the sandbox's environment, so their
 * commands are decided in the sandbox and a refusal is shown beside the field it concerns as for a real command.
 * Their titles, done lines and Close buttons are hidden (the tab names the form; the window says what was proposed).
 */
final class ProposalForms {

    private ProposalForms() {
    }

    static TabPane build(SandboxViewModel model) {
        CommandEnvironment environment = model.formEnvironment();
        PostEntryViewModel entry = new PostEntryViewModel(environment, environment.lookups().baseCommodity());
        // a three-line adjustment is common (a split, an accrual with tax): start with three rows
        entry.addRow();
        TabPane forms = new TabPane(
                tab("Entry", "proposeEntryForm", new PostEntryView(entry).load(), entry, "Propose entry", model),
                tab("Reverse", "proposeReverseForm", null, new ReverseEntryViewModel(environment), "Propose reversal", model),
                tab("Open account", "proposeOpenForm", null, new OpenAccountViewModel(environment), "Propose opening", model),
                tab("Close period", "proposeCloseForm", null, new ClosePeriodViewModel(environment), "Propose close", model));
        entry.setOnDone(message -> {
            model.proposalMade();
            entry.reset();
            entry.addRow();
        });
        forms.setId("proposalForms");
        forms.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return forms;
    }

    private static Tab tab(String name, String id, Parent loaded, CommandFormViewModel form, String submit, SandboxViewModel model) {
        Parent root = loaded != null ? loaded : new CommandFormView(form).load();
        root.setId(id);
        if (loaded == null) {
            form.setOnDone(message -> model.proposalMade());
        }
        saysWhenRefused(form, model);
        form.loadChoices();
        for (Node title : root.lookupAll(".form-title")) {
            hide(title);
        }
        hide(root.lookup("#doneText"));
        hide(root.lookup("#cancelButton"));
        ((Button) root.lookup("#submitButton")).setText(submit);
        // as tall as its content (the post form asks for a window's height), filling the tab when there is room
        ((javafx.scene.layout.Region) root).setPrefHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return new Tab(name, scroll);
    }

    /**
     * A proposal the rules refuse at once is refused by its form, as the real command is (the sentence beside the field it
     * concerns; nothing added to the proposals, as it could not be applied as it stands); session 22: the window's line
     * above then still said "Proposed 1: … (accepted)" as if the press had proposed it. Any error the form shows after
     * a press is now also said there, as not proposed.
     */
    private static void saysWhenRefused(CommandFormViewModel form, SandboxViewModel model) {
        java.util.List<javafx.beans.value.ObservableStringValue> errors = new java.util.ArrayList<>();
        errors.add(form.generalErrorProperty());
        form.fields().forEach(field -> errors.add(field.errorProperty()));
        if (form instanceof PostEntryViewModel entry) {
            errors.add(entry.gridErrorProperty());
        }
        for (javafx.beans.value.ObservableStringValue error : errors) {
            error.addListener((observable, before, text) -> {
                if (text != null && !text.isBlank()) {
                    model.proposalRefused(text);
                }
            });
        }
    }

    private static void hide(Node node) {
        if (node != null) {
            node.setVisible(false);
            node.setManaged(false);
        }
    }
}
