package dev.eventscope.journal.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed {@code hledger} binary as an independent oracle for journal tests.
 *
 * <p>Balances are read from {@code hledger bal --flat --no-total -O json}: the JSON carries every
 * quantity as an exact decimal mantissa and scale, whereas the text and CSV outputs round to the
 * commodity's display precision. Amounts are NOT converted to cost (hledger's default): an account
 * that received {@code 10 USD @ 0.90 EUR} holds 10 USD. With {@code --flat} each account's balance
 * is its own postings only (sub-accounts are not included), and accounts whose balance is zero in
 * every commodity are left out.
 *
 * <p>hledger reads journals in the locale's encoding, so every run sets {@code LANG} and
 * {@code LC_ALL} to {@code C.UTF-8}; without that, a journal holding "€" or "ü" fails to parse.
 *
 * <p>Tests call {@link #isAvailable()} in an {@code Assumptions.assumeTrue} so that a machine
 * without hledger skips them instead of failing.
 */
public final class Hledger {

    private static final String EXECUTABLE = System.getProperty("hledger.executable", "hledger");
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Optional<String> cachedVersion;

    private Hledger() {
    }

    /** Whether an {@code hledger} binary can be started (the result is cached for the JVM). */
    public static boolean isAvailable() {
        return version().isPresent();
    }

    /** The first line of {@code hledger --version}, e.g. "hledger 1.25, linux-x86_64", if hledger runs. */
    public static Optional<String> version() {
        Optional<String> version = cachedVersion;
        if (version == null) {
            version = probeVersion();
            cachedVersion = version;
        }
        return version;
    }

    private static Optional<String> probeVersion() {
        try {
            HledgerRun run = run(List.of("--version"));
            if (!run.succeeded()) {
                return Optional.empty();
            }
            return run.standardOutput().lines().findFirst().map(String::strip);
        } catch (UncheckedIOException cannotStart) {
            return Optional.empty();
        }
    }

    /** Runs {@code hledger -f JOURNAL check} plus any named extra checks (e.g. "ordereddates"). */
    public static HledgerRun check(Path journal, String... extraChecks) {
        List<String> arguments = new ArrayList<>(List.of("-f", journal.toString(), "check"));
        Collections.addAll(arguments, extraChecks);
        return run(arguments);
    }

    /**
     * Every account with a nonzero balance after all postings dated on or before {@code asOfInclusive}:
     * account name to commodity symbol to quantity.
     */
    public static Map<String, Map<String, BigDecimal>> balances(Path journal, LocalDate asOfInclusive) {
        // hledger's -e/--end date is exclusive, so the day after the wanted date is passed.
        return balances(journal, List.of("-e", asOfInclusive.plusDays(1).toString()));
    }

    /** Every account with a nonzero balance after all postings of the journal. */
    public static Map<String, Map<String, BigDecimal>> balancesAtEnd(Path journal) {
        return balances(journal, List.of());
    }

    /**
     * As {@link #balances(Path, LocalDate)} (or {@link #balancesAtEnd} when {@code asOfInclusive} is null) with
     * extra arguments such as {@code --auto}.
     */
    public static Map<String, Map<String, BigDecimal>> balances(Path journal, List<String> extraArguments,
            LocalDate asOfInclusive) {
        List<String> arguments = new ArrayList<>(extraArguments);
        if (asOfInclusive != null) {
            arguments.addAll(List.of("-e", asOfInclusive.plusDays(1).toString()));
        }
        return balances(journal, arguments);
    }

    private static Map<String, Map<String, BigDecimal>> balances(Path journal, List<String> periodArguments) {
        List<String> arguments = new ArrayList<>(List.of("-f", journal.toString(), "bal", "--flat", "--no-total", "-O", "json"));
        arguments.addAll(periodArguments);
        HledgerRun run = run(arguments);
        if (!run.succeeded()) {
            throw new IllegalStateException(run.describe());
        }
        return parseBalanceJson(run.standardOutput());
    }

    /**
     * Reads the JSON of {@code hledger bal --flat -O json}: {@code [rows, totals]} where a row is
     * {@code [fullName, displayName, indent, [amount...]]} and an amount has {@code acommodity} and
     * {@code aquantity.decimalMantissa / decimalPlaces}.
     */
    static Map<String, Map<String, BigDecimal>> parseBalanceJson(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException unreadable) {
            throw new IllegalStateException("hledger printed balance JSON that cannot be read: " + unreadable.getMessage(), unreadable);
        }
        Map<String, Map<String, BigDecimal>> balances = new TreeMap<>();
        for (JsonNode row : root.get(0)) {
            String account = row.get(0).asText();
            JsonNode amounts = row.get(row.size() - 1);
            Map<String, BigDecimal> byCommodity = new TreeMap<>();
            for (JsonNode amount : amounts) {
                String commodity = amount.get("acommodity").asText();
                BigDecimal quantity = quantity(amount.get("aquantity"));
                byCommodity.merge(commodity, quantity, (left, right) -> normalize(left.add(right)));
            }
            byCommodity.values().removeIf(quantity -> quantity.signum() == 0);
            if (!byCommodity.isEmpty()) {
                balances.merge(account, byCommodity, (left, right) -> {
                    right.forEach((commodity, quantity) -> left.merge(commodity, quantity, (first, second) -> normalize(first.add(second))));
                    return left;
                });
            }
        }
        return balances;
    }

    private static BigDecimal quantity(JsonNode quantity) {
        BigInteger mantissa = quantity.get("decimalMantissa").bigIntegerValue();
        int places = quantity.get("decimalPlaces").asInt();
        return normalize(new BigDecimal(mantissa, places));
    }

    /**
     * The form in which this kit reports quantities: trailing zeros removed, never a negative scale
     * ({@code 1250.50} becomes {@code 1250.5}, {@code 100.00} becomes {@code 100}). Normalize the
     * other side too before comparing maps with {@code equals}.
     */
    public static BigDecimal normalize(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The most decimal places hledger 1.25's JSON output shows: it rounds quantities to 10 places (half to even). */
    public static final int JSON_DECIMAL_PLACES = 10;

    /**
     * {@code balances} as hledger 1.25's JSON shows them: a quantity with more than {@link #JSON_DECIMAL_PLACES}
     * places rounded to that many, half to even (its text output shows them all; {@code -0.12345678901234567890 EUR}
     * is read exactly but shown in JSON as {@code -0.123456789}), and zeros left out.
     */
    public static Map<String, Map<String, BigDecimal>> asJsonShowsThem(Map<String, Map<String, BigDecimal>> balances) {
        Map<String, Map<String, BigDecimal>> shown = new TreeMap<>();
        balances.forEach((account, amounts) -> {
            Map<String, BigDecimal> byCommodity = new TreeMap<>();
            amounts.forEach((commodity, quantity) -> {
                BigDecimal rounded = quantity.scale() > JSON_DECIMAL_PLACES
                        ? normalize(quantity.setScale(JSON_DECIMAL_PLACES, java.math.RoundingMode.HALF_EVEN)) : quantity;
                if (rounded.signum() != 0) {
                    byCommodity.put(commodity, rounded);
                }
            });
            if (!byCommodity.isEmpty()) {
                shown.put(account, byCommodity);
            }
        });
        return shown;
    }

    /** {@code hledger accounts --used --types}: each account postings use, with its one-letter type (empty: none). */
    public static Map<String, String> accountTypes(Path journal) {
        HledgerRun run = run(List.of("-f", journal.toString(), "accounts", "--used", "--types"));
        if (!run.succeeded()) {
            throw new IllegalStateException(run.describe());
        }
        Map<String, String> types = new java.util.TreeMap<>();
        for (String line : run.standardOutput().split("\n")) {
            int tag = line.lastIndexOf("; type:");
            if (tag > 0) {
                types.put(line.substring(0, tag).strip(), line.substring(tag + "; type:".length()).strip());
            }
        }
        return types;
    }

    /** Runs hledger with the given arguments in a UTF-8 locale and collects its output. */
    public static HledgerRun run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(EXECUTABLE);
        command.addAll(arguments);
        Path standardOutput = null;
        Path standardError = null;
        try {
            standardOutput = Files.createTempFile("hledger-out", ".txt");
            standardError = Files.createTempFile("hledger-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(standardOutput.toFile())
                    .redirectError(standardError.toFile());
            builder.environment().put("LANG", "C.UTF-8");
            builder.environment().put("LC_ALL", "C.UTF-8");
            builder.environment().remove("LEDGER_FILE");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("hledger " + String.join(" ", arguments) + " did not finish within " + TIMEOUT_SECONDS + " seconds");
            }
            return new HledgerRun(arguments, process.exitValue(),
                    Files.readString(standardOutput, StandardCharsets.UTF_8),
                    Files.readString(standardError, StandardCharsets.UTF_8));
        } catch (IOException cannotRun) {
            throw new UncheckedIOException("hledger could not be run: " + cannotRun.getMessage(), cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for hledger", interrupted);
        } finally {
            deleteQuietly(standardOutput);
            deleteQuietly(standardError);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
