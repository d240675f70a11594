package dev.eventscope.ui.shell;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm-up's classes of the explorer's first frame are class literals (the compiler checks each name; a renamed class
 * fails the build), each named once, and each nest host brings classes that a literal cannot name.
 */
class ExplorerWarmUpTest {

    @Test
    void the_first_frame_s_classes_are_named_once_and_hold_the_explorer_s_controls_and_its_own_classes() {
        List<Class<?>> named = FirstFrameClasses.named();
        assertTrue(named.size() > 300, "the first frame's classes: " + named.size());
        assertEquals(named.size(), new HashSet<>(named).size(), "no class twice");
        assertTrue(named.contains(javafx.scene.control.TableView.class) && named.contains(javafx.scene.control.TreeView.class),
                "the explorer's table and tree");
        assertTrue(named.stream().anyMatch(type -> type.getName().startsWith("dev.eventscope.ui.")), "and its own classes");
        for (Class<?> type : named) {
            assertTrue(java.lang.reflect.Modifier.isPublic(type.getModifiers()), type + " is public (a literal names it)");
        }
    }

    @Test
    void each_nest_host_brings_member_classes_that_no_literal_names() {
        List<Class<?>> hosts = FirstFrameClasses.nestHosts();
        Set<Class<?>> named = new HashSet<>(FirstFrameClasses.named());
        assertTrue(hosts.size() > 50, "nest hosts: " + hosts.size());
        assertEquals(hosts.size(), new HashSet<>(hosts).size(), "no host twice");
        for (Class<?> host : hosts) {
            assertNull(host.getEnclosingClass(), host + " is the top of its nest");
            long hidden = java.util.Arrays.stream(host.getNestMembers())
                    .filter(member -> member != host && !named.contains(member)).count();
            assertTrue(hidden > 0, host + " has members the literals do not name");
        }
    }
}
