package dev.eventscope.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The files an {@code include} directive names, as hledger finds them: a path relative to the including
 * file's folder, {@code ~} for the home folder, and glob patterns ({@code *}, {@code ?}, {@code [abc]},
 * {@code **} across folders) matched in sorted order. Throws {@link JournalParseException} naming the line
 * when nothing matches, or when a file is not a journal (hledger would read CSV, timeclock or timedot
 * files with other readers, which Eventscope does not have).
 */
final class IncludeResolver {

    private static final List<String> OTHER_FORMATS = List.of(".csv", ".tsv", ".ssv", ".timeclock", ".timedot");

    private IncludeResolver() {
    }

    static List<Path> resolve(String argument, Path folder, String file, int lineNumber) {
        String pattern = argument.strip();
        int colon = pattern.indexOf(':');
        if (colon > 1 && pattern.substring(0, colon).matches("[a-z]+")) {
            String format = pattern.substring(0, colon);
            if (!format.equals("journal") && !format.equals("ledger") && !format.equals("hledger")) {
                throw new JournalParseException(file, lineNumber, 0, "the include names a " + format
                        + " file, which Eventscope cannot read; only journal files can be included");
            }
            pattern = pattern.substring(colon + 1);
        }
        if (pattern.isEmpty()) {
            throw new JournalParseException(file, lineNumber, 0, "the include directive names no file");
        }
        if (pattern.indexOf('\0') >= 0) {
            // found by JournalFuzzProperties: Path.resolve threw InvalidPathException, which named no line
            throw new JournalParseException(file, lineNumber, 0, "the include names a file with a NUL character in its"
                    + " name, which no file can have: write the included file's name without it");
        }
        if (pattern.equals("~") || pattern.startsWith("~/")) {
            pattern = System.getProperty("user.home") + pattern.substring(1);
        }
        List<Path> found = isGlob(pattern) ? glob(folder, pattern, file, lineNumber)
                : readable(folder.resolve(pattern)) ? List.of(named(folder.resolve(pattern))) : List.of();
        if (found.isEmpty()) {
            throw new JournalParseException(file, lineNumber, 0, "no existing file matches the include \"" + argument.strip()
                    + "\" (looked in " + folder + ")");
        }
        for (Path included : found) {
            String format = otherFormat(included);
            if (format != null) {
                throw new JournalParseException(file, lineNumber, 0, "the include names " + included.getFileName()
                        + ", and " + included.getFileName() + " " + notAJournal(included, format));
            }
        }
        return found;
    }

    /**
     * The path without its {@code .} and {@code ..} steps when that is still the file the system finds; else as written.
     * Session 24 (adversary): {@code deep/../x.journal}, where {@code deep} links to {@code sub/inner}, is
     * {@code sub/x.journal} to the system and to hledger, but {@code x.journal} once {@code deep/..} is cut out.
     */
    private static Path named(Path resolved) {
        Path normalized = resolved.normalize();
        try {
            return normalized.equals(resolved) || Files.isSameFile(resolved, normalized) ? normalized : resolved;
        } catch (IOException notTheSame) {
            return resolved;
        }
    }

    private static final Path NULL_DEVICE = Path.of("/dev/null");

    /** A file, or a device such as /dev/null that reads as empty (hledger includes it), but not a folder. */
    private static boolean readable(Path path) {
        return Files.exists(path) && !Files.isDirectory(path);
    }

    /**
     * Refuses to read what is not a regular file, the null device aside (it reads as empty, and hledger's journal
     * cheatsheet includes it): a named pipe waits for a writer and {@code /dev/zero} never ends, so reading either
     * would hang the import. {@code real} is the path with its links resolved.
     */
    static void requireRegularFile(Path real, String file, int lineNumber, String what) {
        if (!Files.isRegularFile(real) && !real.equals(NULL_DEVICE)) {
            throw new JournalParseException(file, lineNumber, 0, what + " is not a regular file but a pipe, a device"
                    + " or a socket, which Eventscope does not read (it could wait or read without end): save what"
                    + " it holds to a file and name that file");
        }
    }

    /**
     * Refuses a file to import that hledger would read with its CSV, timeclock or timedot reader (by its name, as
     * hledger chooses), saying how to turn it into a journal.
     */
    static void requireJournal(Path path) {
        String format = otherFormat(path);
        if (format != null) {
            throw new JournalParseException(path.getFileName().toString(), 1, 0, "this file "
                    + notAJournal(path, format));
        }
        if (Files.exists(path)) {
            try {
                requireRegularFile(path.toRealPath(), path.getFileName().toString(), 1, "the journal " + path);
            } catch (IOException unresolved) {
                // left to the reading, which names the file it cannot read
            }
        }
    }

    /** "csv", "timeclock" or "timedot" when hledger would read the file with that reader; null for a journal. */
    private static String otherFormat(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return OTHER_FORMATS.stream().filter(name::endsWith).findFirst()
                .map(extension -> extension.startsWith(".time") ? extension.substring(1) : "CSV").orElse(null);
    }

    private static String notAJournal(Path path, String format) {
        return "is a " + format + " file, which hledger reads with its " + format + " reader and Eventscope does not"
                + " (it imports journals): convert it with hledger -f " + path.getFileName() + " print > "
                + path.getFileName() + ".journal and import that";
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(character -> "*?[{".indexOf(character) >= 0);
    }

    private static List<Path> glob(Path folder, String pattern, String file, int lineNumber) {
        Path absolute = folder.resolve(pattern);
        Path start = absolute.getRoot();
        int firstGlob = 0;
        for (; firstGlob < absolute.getNameCount(); firstGlob++) {
            if (isGlob(absolute.getName(firstGlob).toString())) {
                break;
            }
            start = start.resolve(absolute.getName(firstGlob).toString());
        }
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        String relative = absolute.subpath(firstGlob, absolute.getNameCount()).toString();
        PathMatcher deep;
        PathMatcher shallow;
        try {
            deep = FileSystems.getDefault().getPathMatcher("glob:" + relative);
            // as in hledger, **/ also matches no folder at all: **/*.journal includes the files next to the pattern
            shallow = FileSystems.getDefault().getPathMatcher("glob:" + relative.replace("**/", ""));
        } catch (PatternSyntaxException unreadable) {
            throw new JournalParseException(file, lineNumber, 0, "the include pattern \"" + pattern + "\" is not a"
                    + " glob Eventscope can read (" + unreadable.getDescription() + "), nor one hledger reads: name"
                    + " the file, or close the bracket");
        }
        PathMatcher matcher = path -> deep.matches(path) || shallow.matches(path);
        int depth = relative.contains("**") ? Integer.MAX_VALUE : absolute.getNameCount() - firstGlob;
        Path base = start;
        try (Stream<Path> paths = Files.walk(base, depth)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> matcher.matches(base.relativize(path)))
                    .map(Path::normalize)
                    .sorted()
                    .toList();
        } catch (IOException failure) {
            throw new UncheckedIOException("could not list the files matching the include on line " + lineNumber
                    + " of " + file, failure);
        }
    }
}
