package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerEvent.JournalImported;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The imports a ledger has committed: each one wrote a {@code JournalImported} event on the
 * {@code ledger} stream in its own transaction, so an import is listed here if and only if it was
 * committed. Reads only; works on a ledger opened read-only.
 */
public final class JournalImports {

    private static final int PAGE = 1_000;

    private JournalImports() {
    }

    /** Every committed import, oldest first. */
    public static List<CompletedImport> list(EventStore store) {
        EventCodec codec = BookkeepingCodec.create();
        StreamId ledger = StreamId.of(LedgerStreams.LEDGER);
        List<CompletedImport> imports = new ArrayList<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readStream(ledger, next, Direction.FORWARD, PAGE);
            for (RecordedEvent recorded : page) {
                next = recorded.version() + 1;
                if (codec.decode(recorded).value().orElse(null) instanceof JournalImported imported) {
                    imports.add(new CompletedImport(recorded.position(), recorded.recordedAt(), recorded.metadata().user(),
                            imported.journal(), imported.sha256(), imported.entries(), text(imported.firstEntryId()),
                            text(imported.lastEntryId())));
                }
            }
            if (page.size() < PAGE) {
                return imports;
            }
        }
    }

    /** The SHA-256 of a file's bytes, as 64 lower-case hex digits. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal '" + file + "': " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static String text(EntryId id) {
        return id == null ? null : id.value();
    }
}
