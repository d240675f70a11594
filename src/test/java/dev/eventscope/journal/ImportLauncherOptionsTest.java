package dev.eventscope.journal;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command-line launcher compiles an import's per-entry steps each on its own ({@code -XX:CompileCommand=dontinline}
 * at the methods it names: docs/benchmarks-store.md, session 17). The JVM ignores a command whose method does not
 * exist, and the launcher asks it to say nothing, so a renamed method would silently bring back the run-to-run
 * differences: every method named there must exist.
 */
class ImportLauncherOptionsTest {

    private static final Path LAUNCHER = Path.of("packaging", "launcher", "eventscope");

    /** The {@code package.Class::method} names of the launcher's {@code for method in ...; do} list. */
    private static List<String> namedMethods(String script) {
        Matcher list = Pattern.compile("for method in (.*?); do", Pattern.DOTALL).matcher(script);
        assertTrue(list.find(), "the launcher lists the import's separately compiled methods");
        List<String> methods = new ArrayList<>();
        for (String word : list.group(1).replace("\\\n", " ").trim().split("\\s+")) {
            methods.add(word);
        }
        return methods;
    }

    @Test
    void every_method_the_import_launcher_keeps_apart_exists() throws Exception {
        String script = Files.readString(LAUNCHER);
        List<String> methods = namedMethods(script);
        assertEquals(7, methods.size(), "the seven per-entry steps measured in session 17: " + methods);
        for (String method : methods) {
            String[] classAndName = method.split("::");
            Class<?> type = Class.forName("dev.eventscope." + classAndName[0]);
            assertTrue(Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(classAndName[1])),
                    "the launcher names " + method + ", which does not exist (renamed?)");
        }
        assertTrue(script.contains("-XX:CompileCommand=dontinline,dev.eventscope.$method"),
                "each listed method becomes a dontinline command");
        assertTrue(script.contains("import_units=\"-XX:CompileCommand=quiet\""),
                "the JVM prints nothing about the commands on the command line's output");
    }

    @Test
    void a_method_that_does_not_exist_is_caught() {
        String renamed = "for method in application.ImportSession::submitted; do\n";
        String[] classAndName = namedMethods(renamed).get(0).split("::");
        assertEquals("submitted", classAndName[1]);
        assertTrue(Arrays.stream(dev.eventscope.application.ImportSession.class.getDeclaredMethods())
                .noneMatch(m -> m.getName().equals(classAndName[1])));
    }
}
