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
    // held here: an unmodifiable view only weakly listens to its list, so it must live as long as this model
    private final ObservableList<Path> recentLedgersView;
    private final ObservableList<Path> sampleLedgers = FXCollections.observableArrayList();
    private final ObservableList<Path> sampleLedgersView = FXCollections.unmodifiableObservableList(sampleLedgers);
    private final BooleanProperty auditorMode = new SimpleBooleanProperty();

    public WelcomeViewModel(LedgerOpener opener, ObservableList<Path> recentLedgers, SampleLedgers samples) {
        this.opener = opener;
        this.recentLedgers = recentLedgers;
        this.recentLedgersView = FXCollections.unmodifiableObservableList(recentLedgers);
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

    /** The line under a sample's name: what it shows. */
    public String sampleDescription(Path sample) {
        return samples.description(sample);
    }

    /** Whether this user has a private copy of the sample that a reset would replace. */
    public boolean sampleHasCopy(Path sample) {
        return samples.hasCopy(sample);
    }

    /** Puts the bundled sample back in place of this user's changed copy. */
    public void resetSample(Path sample) {
        samples.reset(sample);
    }

    /** Shown under the samples list when there are none, so a user knows where they are looked for. */
    public String samplesHint() {
        return "No sample ledgers in " + samples.samplesFolder();
    }

    public ObservableList<Path> recentLedgers() {
        return recentLedgersView;
    }

    public ObservableList<Path> sampleLedgers() {
        return sampleLedgersView;
    }

    public BooleanProperty auditorModeProperty() {
        return auditorMode;
    }
}
