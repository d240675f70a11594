package dev.eventscope.journal;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The lines of a journal and of the files it includes: the file being read is on top of a stack, an
 * {@code include} pushes the included file and its end pops it. Peeking never looks past the end of the
 * current file, so a transaction cannot run on into the including file.
 */
final class JournalLines implements AutoCloseable {

    /**
     * One open file; {@code path} is null for a journal read from a {@link java.io.Reader}; {@code includer} is the file
     * whose {@code include} named it (null for the top-level journal), and {@code depth} how many includes deep it is.
     */
    record OpenFile(LineSource lines, Path path, OpenFile includer, int depth) {
    }

    private final Deque<OpenFile> open = new ArrayDeque<>();
    private final LineSource root;

    JournalLines(LineSource root, Path rootPath) {
        this.root = root;
        open.push(new OpenFile(root, rootPath, null, 0));
    }

    private LineSource current() {
        return open.peek().lines();
    }

    String peek() {
        return current().peek();
    }

    String next() {
        return current().next();
    }

    int lineNumber() {
        return current().lineNumber();
    }

    /** The name of the file being read, for messages. */
    String file() {
        return current().file();
    }

    /** The path of the file being read (null for a journal read from a reader). */
    Path path() {
        return open.peek().path();
    }

    /** Lines of the top-level journal read so far (progress is reported against it). */
    int rootLineNumber() {
        return root.lineNumber();
    }

    /** The SHA-256 of the top-level file's bytes read so far ({@link LineSource#sha256()}). */
    String rootSha256() {
        return root.sha256();
    }

    long rootBytesRead() {
        return root.bytesRead();
    }

    /**
     * Whether {@code path} (a real path) is being read already, by the current file or one of the files that include it:
     * including it again would never end. Files a glob matched that wait their turn are not being read yet: one of them
     * may include the next (session 21).
     */
    boolean isOpen(Path path) {
        for (OpenFile file = open.peek(); file != null; file = file.includer()) {
            if (file.path() != null && file.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    /** How many includes deep the current file is (0 for the top-level journal). */
    int depth() {
        return open.peek().depth();
    }

    /** The files one include of the current file names, read in this order after the current line. */
    void include(List<LineSource> sources, List<Path> paths) {
        OpenFile includer = open.peek();
        for (int index = sources.size() - 1; index >= 0; index--) {
            open.push(new OpenFile(sources.get(index), paths.get(index), includer, includer.depth() + 1));
        }
    }

    /** Closes the current file if it is an included one; false when it is the top-level journal. */
    boolean endInclude() {
        if (open.size() == 1) {
            return false;
        }
        open.pop().lines().close();
        return true;
    }

    @Override
    public void close() {
        while (!open.isEmpty()) {
            open.pop().lines().close();
        }
    }

    /**
     * Whether a line is blank as hledger 1.25 sees it: nothing but Unicode spaces, a no-break space included (which
     * Java's {@code strip} keeps), so a line holding only a no-break space separates entries, as in hledger.
     */
    static boolean isBlank(String line) {
        // a loop, not a stream of code points: every line of both readings passes here (session 18, JFR)
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

        /** Skips the indented lines that follow (the body of something skipped). */
    void skipIndentedLines() {
        String next;
        while ((next = peek()) != null && !next.isBlank() && Character.isWhitespace(next.charAt(0))) {
            next();
        }
    }

    /** Skips a {@code comment} block up to and including its {@code end comment} line (or the end of the file). */
    void skipCommentBlock() {
        String line;
        while ((line = next()) != null) {
            if (line.strip().equals("end comment")) {
                return;
            }
        }
    }
}
