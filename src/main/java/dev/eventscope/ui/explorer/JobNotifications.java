package dev.eventscope.ui.explorer;

import dev.eventscope.ui.projections.ProjectionsViewModel;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * ControlsFX {@code Notifications} for what happens while the user may be looking elsewhere: the integrity check ends
 * (its headline, in the banner's words), a projection rebuild ends (its outcome, as the projections panel says it), or
 * another process appends to the ledger (how many events, by whom; this window's own appends are not news).
 * Each shows for a few seconds at the bottom right of the explorer's window.
 */
final class JobNotifications {

    private static final Duration SHOWN_FOR = Duration.seconds(6);

    private JobNotifications() {
    }

    /** Notifies from now on, in {@code owner}'s window, when the integrity check or a rebuild ends, or another process appends. */
    static void install(Node owner, IntegrityViewModel integrity, ProjectionsViewModel projections, ForeignAppends foreign) {
        foreign.latestProperty().addListener((observable, was, notice) -> {
            if (notice != null) {
                show(owner, "Ledger changed by another process", notice.text(), true);
            }
        });
        integrity.runningProperty().addListener((observable, was, running) -> {
            if (was && !running && !integrity.bannerTextProperty().get().isEmpty()) {
                boolean intact = integrity.bannerStateProperty().get() == IntegrityViewModel.BannerState.INTACT;
                show(owner, "Integrity check finished", integrity.bannerTextProperty().get(), intact);
            }
        });
        projections.messageProperty().addListener((observable, was, message) -> {
            if (message != null && !message.isEmpty()) {
                show(owner, "Projections", message, projections.messageIsGoodProperty().get());
            }
        });
    }

    private static void show(Node owner, String title, String text, boolean good) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null || !owner.getScene().getWindow().isShowing()) {
            return;
        }
        Notifications notification = Notifications.create().owner(owner.getScene().getWindow()).title(title).text(text)
                .hideAfter(SHOWN_FOR);
        if (good) {
            notification.showInformation();
        } else {
            notification.showWarning();
        }
    }
}
