package dev.eventscope.ui.shell;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the explorer's classes (its views and view models, the codec, the controls' skins, and the classes the UI
 * thread was seen to load for the explorer's first frame, {@link FirstFrameClasses}) on a background thread while the
 * store opens, once per run: otherwise the explorer's first frame waits for them, loaded one after another on the UI
 * thread. Every class is named by its literal, none by a string. Loading a class has no effect but its own
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

    /**
     * Loads a class's nest: its nested, anonymous and private member classes (each loaded, none initialised). False if
     * one of them cannot be loaded; it then loads when it is used.
     */
    private static boolean loadNest(Class<?> host) {
        try {
            return host.getNestMembers().length > 0;
        } catch (LinkageError | RuntimeException skipped) {
            LOG.debug("warm-up skipped the nest of {}: {}", host.getName(), skipped.toString());
            return false;
        }
    }

    /** Initialises a class (its static initialiser runs here rather than on the UI thread). */
    private static void initialise(Class<?> type, ClassLoader loader) {
        try {
            Class.forName(type.getName(), true, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException skipped) {
            LOG.debug("warm-up skipped {}: {}", type.getName(), skipped.toString());
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
                initialise(type, loader);
            }
            int named = 0;
            int nests = 0;
            try {
                named = FirstFrameClasses.named().size(); // evaluating the literals loads the classes
                for (Class<?> host : FirstFrameClasses.nestHosts()) {
                    nests += loadNest(host) ? 1 : 0;
                }
            } catch (LinkageError skipped) {
                LOG.debug("warm-up stopped: {}", skipped.toString());
            }
            LOG.info("explorer classes loaded in the background in {} ms ({} of the first frame's classes and {} nests)",
                    (System.nanoTime() - started) / 1_000_000, named, nests);
        }, "explorer-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
