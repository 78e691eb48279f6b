package se.klassrum.guardian.control;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads settings by name, so that the settings records can be read from MicroProfile Config in the container and
 * from a plain map in a test. As in MicroProfile Config, an empty value counts as unset.
 */
@FunctionalInterface
public interface Settings {

    /** The value of the setting, if set and not blank. */
    Optional<String> value(String name);

    static Settings of(Config config) {
        return name -> config.getOptionalValue(name, String.class).filter(value -> !value.isBlank()).map(String::strip);
    }

    static Settings of(Function<String, String> lookup) {
        return name -> Optional.ofNullable(lookup.apply(name)).filter(value -> !value.isBlank()).map(String::strip);
    }

    default String text(String name, String defaultValue) {
        return value(name).orElse(defaultValue);
    }

    /** A whole number of at least {@code min}; anything else is a mistake in the settings, said by name. */
    default int number(String name, int defaultValue, int min) {
        int number;
        try {
            number = value(name).map(Integer::parseInt).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The setting " + name + " must be a whole number, not " + value(name).orElse(""));
        }
        if (number < min) {
            throw new IllegalArgumentException("The setting " + name + " must be at least " + min + ", not " + number);
        }
        return number;
    }

    default boolean flag(String name, boolean defaultValue) {
        Optional<String> value = value(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("The setting " + name + " must be true or false, not " + value.get());
        };
    }
}
