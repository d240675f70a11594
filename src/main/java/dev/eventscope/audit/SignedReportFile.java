package dev.eventscope.audit;

import dev.eventscope.eventstore.EventStore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Writes a signed report file and its {@code .sig} as the CLI and the app both need it: both files are
 * checked with {@link OutputFile#prepare} before a byte is written (never onto a ledger; an existing
 * report only when replacing was asked for), written under temporary names, signed, and renamed into
 * place together at the end. A failure or a cancellation leaves the targets as they were.
 */
public final class SignedReportFile {

    /** What was written: the report's outcome and its detached signature. */
    public record Written(ReportOutcome outcome, ReportSignature signature) {
    }

    private final ReportGenerator generator;
    private final ReportSigner signer;

    public SignedReportFile(ReportGenerator generator, ReportSigner signer) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * Writes the report of {@code store} to {@code target} and signs it.
     *
     * @param openLedgers the ledgers open in this process, the one reported on among them
     * @throws OutputRefused        when the report or its signature file may not be written (nothing is)
     * @throws UncheckedIOException when writing failed (the targets are unchanged)
     */
    public Written write(EventStore store, ReportRequest request, Path target, boolean replace, Collection<Path> openLedgers,
                         ReportProgress progress) {
        Path signatureTarget = ReportSigner.signatureFile(target.toAbsolutePath());
        // the signature belongs to the report: a stale .sig beside a report that does not exist yet is replaced with it
        boolean replaceSignature = replace || !Files.exists(target);
        // both targets are checked before a byte is written: a refused signature discards the report's temporary file
        try (OutputFile report = OutputFile.prepare(target, "the report", replace, openLedgers);
             OutputFile signature = OutputFile.prepare(signatureTarget, "the report's signature", replaceSignature,
                     openLedgers)) {
            ReportOutcome outcome;
            FailureKept file;
            try {
                file = new FailureKept(Files.newOutputStream(report.temporary()));
            } catch (IOException failed) {
                throw new UncheckedIOException("Could not write the report to " + target + ": " + failed.getMessage()
                        + "; nothing was changed", failed);
            }
            try (OutputStream stream = new BufferedOutputStream(file, 1 << 16)) {
                outcome = generator.write(store, request, stream, progress);
            } catch (IOException failed) {
                throw new UncheckedIOException("Could not write the report to " + target + ": " + failed.getMessage()
                        + "; nothing was changed", failed);
            } catch (UncheckedIOException failed) {
                // the format's writer says "Could not write the HTML report: No space left on device" without the file
                // it was writing (session 20, adversary2: a full disk); the report's file is named here
                if (file.failure == null) {
                    throw failed;
                }
                throw new UncheckedIOException("Could not write the report to " + target + ": " + file.failure.getMessage()
                        + "; nothing was changed", file.failure);
            }
            ReportSignature detached = signer.sign(report.temporary(), target.getFileName().toString(), signature.temporary(),
                    request.format(), request.generatedBy(), outcome.integrity());
            report.commit();
            signature.commit();
            return new Written(outcome, detached);
        }
    }

    /** The report's file, keeping the first failure of a write to it (the format writers rethrow it unchecked). */
    private static final class FailureKept extends java.io.FilterOutputStream {
        private IOException failure;

        FailureKept(OutputStream file) {
            super(file);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }
}
