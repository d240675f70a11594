package dev.eventscope.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the explorer's classes (its views and view models, the codec, the controls' skins, and every class the UI
 * thread was seen to load for the explorer's first frame) on a background thread while the store opens, once per run: otherwise the explorer's first frame waits for
 * them, loaded one after another on the UI thread. Loading a class has no effect but its own
 * initialisation, so this changes nothing the user sees; a class that fails here loads when it is used.
 */
final class ExplorerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ExplorerWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /**
     * The classes to load. A method, not a constant: a class literal loads its class where it is
     * evaluated, and that must be the background thread, not the UI thread that calls {@link #start()}.
     */
    private static List<Class<?>> classes() {
        List<Class<?>> classes = new ArrayList<>(List.of(
                dev.eventscope.ui.explorer.ExplorerViewModel.class,
                dev.eventscope.ui.explorer.ExplorerView.class,
                dev.eventscope.ui.explorer.SidebarViewModel.class,
                dev.eventscope.ui.explorer.SidebarTree.class,
                dev.eventscope.ui.explorer.HistoryViewModel.class,
                dev.eventscope.ui.explorer.EventDetailViewModel.class,
                dev.eventscope.ui.explorer.IntegrityViewModel.class,
                dev.eventscope.ui.timeline.TimelineViewModel.class,
                dev.eventscope.ui.timeline.TimelineBar.class,
                dev.eventscope.ui.timeline.StatePanelView.class,
                dev.eventscope.ui.projections.ProjectionsViewModel.class,
                dev.eventscope.ui.projections.ProjectionsPanel.class,
                dev.eventscope.application.BookkeepingCodec.class,
                javafx.scene.control.skin.TableViewSkin.class,
                javafx.scene.control.skin.TableRowSkin.class,
                javafx.scene.control.skin.TableCellSkin.class,
                javafx.scene.control.skin.TableHeaderRow.class,
                javafx.scene.control.skin.NestedTableColumnHeader.class,
                javafx.scene.control.skin.TreeViewSkin.class,
                javafx.scene.control.skin.TreeCellSkin.class,
                javafx.scene.control.skin.TabPaneSkin.class,
                javafx.scene.control.skin.SplitPaneSkin.class,
                javafx.scene.control.skin.SliderSkin.class,
                javafx.scene.control.skin.ToolBarSkin.class,
                javafx.scene.control.skin.ChoiceBoxSkin.class,
                javafx.scene.control.skin.TextFieldSkin.class,
                javafx.scene.control.skin.DatePickerSkin.class,
                javafx.scene.control.skin.ScrollPaneSkin.class,
                javafx.scene.control.skin.ToggleButtonSkin.class,
                javafx.scene.control.skin.VirtualFlow.class));
        // the packages' own helpers are not public; each package names them
        classes.addAll(dev.eventscope.ui.explorer.ExplorerView.helperClasses());
        classes.addAll(dev.eventscope.ui.timeline.TimelineBar.helperClasses());
        return classes;
    }

    /** Where the list of the classes the UI thread loads for the explorer's first frame is kept (its header says how it is made). */
    static final String LIST = "/dev/eventscope/ui/shell/explorer-classes.txt";

    /**
     * The classes the UI thread loaded before the explorer's first paint, in that order (a resource made from a recording,
     * {@value #LIST}): the list above names the ones worth initialising too; these are only loaded, which runs none of
     * their code. Empty if the resource cannot be read.
     */
    static List<String> listed() {
        try (InputStream in = ExplorerWarmUp.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException unreadable) {
            LOG.debug("warm-up list unreadable: {}", unreadable.toString());
            return List.of();
        }
    }

    private static boolean load(String name, boolean initialise, ClassLoader loader) {
        try {
            Class.forName(name, initialise, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException skipped) {
            LOG.debug("warm-up skipped {}: {}", name, skipped.toString());
            return false;
        }
    }

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
            for (Class<?> type : classes()) {
                load(type.getName(), true, loader);
            }
            int loaded = 0;
            for (String name : listed()) {
                loaded += load(name, false, loader) ? 1 : 0;
            }
            LOG.info("explorer classes loaded in the background in {} ms ({} of the first frame's list)",
                    (System.nanoTime() - started) / 1_000_000, loaded);
        }, "explorer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
