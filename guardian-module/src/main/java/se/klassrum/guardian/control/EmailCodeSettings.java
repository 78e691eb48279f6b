package se.klassrum.guardian.control;

import java.time.Duration;

/**
 * How e-mail sign-in codes behave: how long a code is good for, how many wrong codes lock it, and the rate
 * limits. The defaults are what GUARDIAN-LOGIN.md describes.
 *
 * @param ttl           how long a code is good for ({@value #TTL_MINUTES}, default 10 minutes)
 * @param maxAttempts   wrong codes after which the live codes of an address stop working ({@value #MAX_ATTEMPTS}, default 5)
 * @param maxPerAddress codes that may be asked for one address within the window ({@value #MAX_PER_ADDRESS}, default 3)
 * @param maxPerClient  codes that one client may ask for within the window ({@value #MAX_PER_CLIENT}, default 10)
 * @param window        how far back the rate limits look ({@value #WINDOW_MINUTES}, default 15 minutes)
 */
public record EmailCodeSettings(Duration ttl, int maxAttempts, int maxPerAddress, int maxPerClient, Duration window) {

    public static final String TTL_MINUTES = "klassrum.guardian.email-code.ttl-minutes";
    public static final String MAX_ATTEMPTS = "klassrum.guardian.email-code.max-attempts";
    public static final String MAX_PER_ADDRESS = "klassrum.guardian.email-code.max-per-address";
    public static final String MAX_PER_CLIENT = "klassrum.guardian.email-code.max-per-client";
    public static final String WINDOW_MINUTES = "klassrum.guardian.email-code.window-minutes";

    public static final EmailCodeSettings DEFAULTS =
            new EmailCodeSettings(Duration.ofMinutes(10), 5, 3, 10, Duration.ofMinutes(15));

    public EmailCodeSettings {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || window == null || window.isNegative() || window.isZero()
                || maxAttempts < 1 || maxPerAddress < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException("Every e-mail code setting must be positive");
        }
    }

    public static EmailCodeSettings from(Settings settings) {
        return new EmailCodeSettings(
                Duration.ofMinutes(settings.number(TTL_MINUTES, (int) DEFAULTS.ttl.toMinutes(), 1)),
                settings.number(MAX_ATTEMPTS, DEFAULTS.maxAttempts, 1),
                settings.number(MAX_PER_ADDRESS, DEFAULTS.maxPerAddress, 1),
                settings.number(MAX_PER_CLIENT, DEFAULTS.maxPerClient, 1),
                Duration.ofMinutes(settings.number(WINDOW_MINUTES, (int) DEFAULTS.window.toMinutes(), 1)));
    }
}
