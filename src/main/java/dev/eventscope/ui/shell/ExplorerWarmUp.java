package dev.eventscope.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the explorer's classes (its views and view models, the codec, the controls' skins) on a
 * background thread while the store opens, once per run: otherwise the explorer's first frame waits for
 * them, loaded one after another on the UI thread. Loading a class has no effect but its own
 * initialisation, so this changes nothing the user sees; a class that fails here loads when it is used.
 */
final class ExplorerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ExplorerWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final List<String> CLASSES = List.of(
            "dev.eventscope.ui.explorer.ExplorerViewModel",
            "dev.eventscope.ui.explorer.ExplorerView",
            "dev.eventscope.ui.explorer.SidebarViewModel",
            "dev.eventscope.ui.explorer.SidebarTree",
            "dev.eventscope.ui.explorer.HistoryViewModel",
            "dev.eventscope.ui.explorer.HistoryColumns",
            "dev.eventscope.ui.explorer.EventDetailViewModel",
            "dev.eventscope.ui.explorer.MetadataGrid",
            "dev.eventscope.ui.explorer.IntegrityViewModel",
            "dev.eventscope.ui.explorer.StreamTreeCell",
            "dev.eventscope.ui.timeline.TimelineViewModel",
            "dev.eventscope.ui.timeline.TimelineBar",
            "dev.eventscope.ui.timeline.DensityStrip",
            "dev.eventscope.ui.timeline.StatePanelView",
            "dev.eventscope.ui.projections.ProjectionsViewModel",
            "dev.eventscope.ui.projections.ProjectionsPanel",
            "dev.eventscope.application.BookkeepingCodec",
            "javafx.scene.control.skin.TableViewSkin",
            "javafx.scene.control.skin.TableRowSkin",
            "javafx.scene.control.skin.TableCellSkin",
            "javafx.scene.control.skin.TableHeaderRow",
            "javafx.scene.control.skin.NestedTableColumnHeader",
            "javafx.scene.control.skin.TreeViewSkin",
            "javafx.scene.control.skin.TreeCellSkin",
            "javafx.scene.control.skin.TabPaneSkin",
            "javafx.scene.control.skin.SplitPaneSkin",
            "javafx.scene.control.skin.SliderSkin",
            "javafx.scene.control.skin.ToolBarSkin",
            "javafx.scene.control.skin.ChoiceBoxSkin",
            "javafx.scene.control.skin.TextFieldSkin",
            "javafx.scene.control.skin.DatePickerSkin",
            "javafx.scene.control.skin.ScrollPaneSkin",
            "javafx.scene.control.skin.ToggleButtonSkin",
            "javafx.scene.control.skin.VirtualFlow");

    private ExplorerWarmUp() {
    }

    /** Starts loading the classes in the background (the first call of the run only). */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        ClassLoader loader = ExplorerWarmUp.class.getClassLoader();
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError | RuntimeException skipped) {
                    LOG.debug("warm-up skipped {}: {}", name, skipped.toString());
                }
            }
            LOG.info("explorer classes loaded in the background in {} ms", (System.nanoTime() - started) / 1_000_000);
        }, "explorer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
