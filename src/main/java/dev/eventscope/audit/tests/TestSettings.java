package dev.eventscope.audit.tests;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the journal-entry tests, each with a default (docs/workbench.md lists them). Set
 * one by its key, as a properties file or the command line writes it: {@code settings.with("backdated.days", "45")};
 * a value that does not fit stops it with the key, the value and where it came from.
 */
public record TestSettings(
        int backdatedDays,
        ZoneId zone,
        LocalTime workStart,
        LocalTime workEnd,
        HolidayCalendar holidays,
        BigDecimal roundMultiple,
        List<String> roundEndings,
        BigDecimal rareUserShare,
        int unfamiliarWarmUp,
        int duplicateDays,
        int numberingMinimum,
        PeriodLength reversalPeriod,
        int reversalDays,
        List<BigDecimal> thresholds,
        BigDecimal thresholdMargin,
        int benfordMinimumCount,
        BigDecimal benfordMinimumAmount) {

    /** The period whose end a reversal shortly after is looked for. */
    public enum PeriodLength { MONTH, QUARTER, YEAR }

    /** Every key a settings file may hold. */
    public static final List<String> KEYS = List.of("backdated.days", "hours.zone", "hours.start", "hours.end",
            "holidays.calendar", "round.multiple", "round.endings", "rare-user.share", "unfamiliar-account.warm-up",
            "duplicates.days", "numbering.minimum", "reversals.period", "reversals.days", "threshold.amounts",
            "threshold.margin", "benford.minimum-count", "benford.minimum-amount");

    public TestSettings {
        roundEndings = List.copyOf(roundEndings);
        thresholds = List.copyOf(thresholds);
    }

    /** The defaults, with working hours in the given zone. */
    public static TestSettings defaults(ZoneId zone) {
        return new TestSettings(30, zone, LocalTime.of(7, 0), LocalTime.of(19, 0), HolidayCalendar.germany(),
                new BigDecimal("1000"), List.of("999"), new BigDecimal("0.05"), 20, 7, 3, PeriodLength.MONTH, 10,
                List.of(new BigDecimal("10000")), new BigDecimal("0.03"), 300, BigDecimal.TEN);
    }

    /** These settings with the given keys set, in order; {@code source} names where they came from in messages. */
    public TestSettings with(Map<String, String> values, String source) {
        TestSettings settings = this;
        for (Map.Entry<String, String> value : values.entrySet()) {
            settings = settings.with(value.getKey(), value.getValue(), source);
        }
        return settings;
    }

    /** These settings with one key set (see {@link #KEYS}). */
    public TestSettings with(String key, String value) {
        return with(key, value, "the settings");
    }

    private TestSettings with(String key, String rawValue, String source) {
        String value = rawValue.strip();
        Map<String, Object> fields = fields();
        try {
            switch (key) {
                case "backdated.days" -> fields.put("backdatedDays", nonNegative(value));
                case "hours.zone" -> fields.put("zone", ZoneId.of(value));
                case "hours.start" -> fields.put("workStart", LocalTime.parse(value));
                case "hours.end" -> fields.put("workEnd", LocalTime.parse(value));
                case "holidays.calendar" -> fields.put("holidays", HolidayCalendar.builtIn(value));
                case "round.multiple" -> fields.put("roundMultiple", positive(value));
                case "round.endings" -> fields.put("roundEndings", digitLists(value));
                case "rare-user.share" -> fields.put("rareUserShare", fraction(value));
                case "unfamiliar-account.warm-up" -> fields.put("unfamiliarWarmUp", nonNegative(value));
                case "duplicates.days" -> fields.put("duplicateDays", nonNegative(value));
                case "numbering.minimum" -> fields.put("numberingMinimum", nonNegative(value));
                case "reversals.period" -> fields.put("reversalPeriod",
                        PeriodLength.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
                case "reversals.days" -> fields.put("reversalDays", nonNegative(value));
                case "threshold.amounts" -> fields.put("thresholds", amounts(value));
                case "threshold.margin" -> fields.put("thresholdMargin", fraction(value));
                case "benford.minimum-count" -> fields.put("benfordMinimumCount", nonNegative(value));
                case "benford.minimum-amount" -> fields.put("benfordMinimumAmount", positive(value));
                default -> throw new IllegalArgumentException("is not a setting of the tests (known: " + String.join(", ", KEYS) + ")");
            }
        } catch (IllegalArgumentException | DateTimeException wrong) {
            String why = wrong.getMessage() != null && wrong.getMessage().startsWith("is not a setting")
                    ? wrong.getMessage() : "cannot be \"" + value + "\"" + hint(key);
            throw new IllegalArgumentException("The setting " + key + " in " + source + " " + why + ".");
        }
        return fromFields(fields);
    }

    private static String hint(String key) {
        return switch (key) {
            case "hours.zone" -> ": give a zone such as Europe/Berlin or UTC";
            case "hours.start", "hours.end" -> ": give a time such as 07:00";
            case "holidays.calendar" -> ": use DE or none (a file of dates is given with --holidays)";
            case "reversals.period" -> ": use month, quarter or year";
            case "round.endings" -> ": give digits separated by commas, such as 999,000";
            case "rare-user.share", "threshold.margin" -> ": give a fraction between 0 and 1, such as 0.05";
            case "threshold.amounts" -> ": give positive amounts separated by commas, such as 5000,10000";
            default -> ": give a whole number, 0 or more";
        };
    }

    private static int nonNegative(String value) {
        int number = Integer.parseInt(value);
        if (number < 0) {
            throw new IllegalArgumentException("negative");
        }
        return number;
    }

    private static BigDecimal positive(String value) {
        BigDecimal number = new BigDecimal(value.replace("_", ""));
        if (number.signum() <= 0) {
            throw new IllegalArgumentException("not positive");
        }
        return number;
    }

    private static BigDecimal fraction(String value) {
        BigDecimal number = new BigDecimal(value);
        if (number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("not a fraction");
        }
        return number;
    }

    private static List<String> digitLists(String value) {
        List<String> endings = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.strip().isEmpty()) {
                if (!part.strip().matches("\\d+")) {
                    throw new IllegalArgumentException("not digits");
                }
                endings.add(part.strip());
            }
        }
        return endings;
    }

    private static List<BigDecimal> amounts(String value) {
        List<BigDecimal> amounts = new ArrayList<>();
        for (String part : value.split("[,;\\s]+")) {
            if (!part.isBlank()) {
                amounts.add(positive(part));
            }
        }
        return amounts;
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent component : TestSettings.class.getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static TestSettings fromFields(Map<String, Object> f) {
        return new TestSettings((int) f.get("backdatedDays"), (ZoneId) f.get("zone"), (LocalTime) f.get("workStart"),
                (LocalTime) f.get("workEnd"), (HolidayCalendar) f.get("holidays"), (BigDecimal) f.get("roundMultiple"),
                (List<String>) f.get("roundEndings"), (BigDecimal) f.get("rareUserShare"), (int) f.get("unfamiliarWarmUp"),
                (int) f.get("duplicateDays"), (int) f.get("numberingMinimum"), (PeriodLength) f.get("reversalPeriod"),
                (int) f.get("reversalDays"), (List<BigDecimal>) f.get("thresholds"), (BigDecimal) f.get("thresholdMargin"),
                (int) f.get("benfordMinimumCount"), (BigDecimal) f.get("benfordMinimumAmount"));
    }

    /** The same settings with another holiday calendar (a file's dates added, say). */
    public TestSettings withHolidays(HolidayCalendar calendar) {
        Map<String, Object> fields = fields();
        fields.put("holidays", calendar);
        return fromFields(fields);
    }
}
