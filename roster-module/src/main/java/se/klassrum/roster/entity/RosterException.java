package se.klassrum.roster.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A roster change that was refused: an unknown id, a duplicate, or a broken rule of the domain.
 * <p>
 * It is unchecked on purpose: a {@code jakarta.transaction.Transactional} method rolls back on any
 * runtime exception, so a refused change never leaves half of its rows behind. The message is given in
 * both languages so that the web pages can show Swedish first and English second; {@link #getMessage()}
 * (for logs) is English and starts with the code.
 */
public class RosterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RosterError code;
    private final Map<String, Object> args;

    public RosterException(RosterError code, Map<String, ?> args) {
        this(code, args, null);
    }

    public RosterException(RosterError code, Map<String, ?> args, Throwable cause) {
        super(Objects.requireNonNull(code, "code").name() + ": " + code.formatEn(keep(args)), cause);
        this.code = code;
        this.args = Collections.unmodifiableMap(keep(args));
    }

    /** Shorthand for an error with alternating placeholder names and values. */
    public static RosterException of(RosterError code, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return new RosterException(code, args);
    }

    public RosterError code() {
        return code;
    }

    /** The values filled into the message; a value is a {@link Labelled} or its text. */
    public Map<String, Object> args() {
        return args;
    }

    public String messageSv() {
        return code.formatSv(args);
    }

    public String messageEn() {
        return code.formatEn(args);
    }

    /** Swedish for a Swedish locale, English for any other. */
    public String message(Locale locale) {
        return "sv".equals(locale.getLanguage()) ? messageSv() : messageEn();
    }

    // Values are kept as text (or as a label pair) so the exception stays serialisable and holds no entity.
    private static Map<String, Object> keep(Map<String, ?> args) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (args != null) {
            args.forEach((name, value) -> kept.put(name,
                    value == null || value instanceof Labelled ? value : String.valueOf(value)));
        }
        return kept;
    }
}
