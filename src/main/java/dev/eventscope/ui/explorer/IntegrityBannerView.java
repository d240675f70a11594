package dev.eventscope.ui.explorer;

import dev.eventscope.ui.explorer.IntegrityViewModel.BannerState;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

import java.util.function.LongConsumer;

/** The integrity banner (IntegrityBannerView.fxml): intact or tampered, with a link to the first broken event. */
public final class IntegrityBannerView {

    private final IntegrityViewModel integrity;
    private final LongConsumer jumpTo;

    @FXML private HBox banner;
    @FXML private Label bannerIcon;
    @FXML private Label bannerText;
    @FXML private Hyperlink bannerLink;

    /** {@code jumpTo} shows the event at a position (the link to a break in the chain). */
    IntegrityBannerView(IntegrityViewModel integrity, LongConsumer jumpTo) {
        this.integrity = integrity;
        this.jumpTo = jumpTo;
    }

    @FXML
    private void initialize() {
        bannerText.textProperty().bind(integrity.bannerTextProperty());
        integrity.bannerStateProperty().addListener((observable, before, state) -> showBanner(state));
        showBanner(integrity.bannerStateProperty().get());
    }

    private void showBanner(BannerState state) {
        banner.getStyleClass().removeAll("banner-ok", "banner-bad");
        ExplorerView.show(banner, state != BannerState.HIDDEN);
        if (state == BannerState.INTACT) {
            banner.getStyleClass().add("banner-ok");
            bannerIcon.setText("✓");
        } else if (state == BannerState.TAMPERED) {
            banner.getStyleClass().add("banner-bad");
            bannerIcon.setText("✗");
        }
        long jump = integrity.jumpPosition();
        bannerLink.setText(jump > 0 ? "Show event #" + jump : "");
        ExplorerView.show(bannerLink, jump > 0);
    }

    @FXML
    private void jumpToBreak() {
        long position = integrity.jumpPosition();
        if (position > 0) {
            jumpTo.accept(position);
        }
    }

    @FXML
    private void dismissBanner() {
        integrity.dismissBanner();
    }
}
