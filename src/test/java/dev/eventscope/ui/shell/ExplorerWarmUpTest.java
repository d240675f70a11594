package dev.eventscope.ui.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm-up's list of the classes the explorer's first frame loads: read, and every name still a class (a renamed or
 * removed class fails here, so the list is made again as its header says, instead of silently warming nothing).
 */
class ExplorerWarmUpTest {

    @Test
    void every_listed_class_exists_and_is_named_once() {
        List<String> listed = ExplorerWarmUp.listed();
        assertTrue(listed.size() > 500, "the list is read: " + listed.size() + " names");
        assertTrue(listed.contains("javafx.scene.control.TableView"), "the explorer's controls are in it");
        assertTrue(listed.stream().anyMatch(name -> name.startsWith("dev.eventscope.ui.")), "and its own classes");
        List<String> missing = new ArrayList<>();
        for (String name : listed) {
            try {
                Class.forName(name, false, ExplorerWarmUp.class.getClassLoader());
            } catch (ClassNotFoundException gone) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "classes in " + ExplorerWarmUp.LIST + " that no longer exist: make the list again");
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no name twice");
    }
}
