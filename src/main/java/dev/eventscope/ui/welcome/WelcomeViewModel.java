package dev.eventscope.ui.welcome;

import dev.eventscope.ui.settings.SampleLedgers;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/** The welcome screen: recent ledgers, sample ledgers, and whether to open as an auditor (read-only). */
public final class WelcomeViewModel {

    private final LedgerOpener opener;
    private final SampleLedgers samples;
    private final ObservableList<Path> recentLedgers;
    private final ObservableList<Path> sampleLedgers = FXCollections.observableArrayList();
    private final BooleanProperty auditorMode = new SimpleBooleanProperty();

    public WelcomeViewModel(LedgerOpener opener, ObservableList<Path> recentLedgers, SampleLedgers samples) {
        this.opener = opener;
        this.recentLedgers = recentLedgers;
        this.samples = samples;
        reloadSamples();
    }

    public void reloadSamples() {
        sampleLedgers.setAll(samples.list());
    }

    public void openRecent(Path file) {
        opener.open(file, auditorMode.get());
    }

    public void openSample(Path sample) {
        opener.openSample(sample, auditorMode.get());
    }

    /** A file picked in the open dialog. */
    public void openChosen(Path file) {
        opener.open(file, auditorMode.get());
    }

    public void createNew(Path file) {
        opener.createNew(file);
    }

    /** Shown under the samples list when there are none, so a user knows where they are looked for. */
    public String samplesHint() {
        return "No sample ledgers in " + samples.samplesFolder();
    }

    public ObservableList<Path> recentLedgers() {
        return FXCollections.unmodifiableObservableList(recentLedgers);
    }

    public ObservableList<Path> sampleLedgers() {
        return FXCollections.unmodifiableObservableList(sampleLedgers);
    }

    public BooleanProperty auditorModeProperty() {
        return auditorMode;
    }
}
