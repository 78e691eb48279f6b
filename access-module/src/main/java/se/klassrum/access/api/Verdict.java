package se.klassrum.access.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a decision without its explanation: what the guard needs to let a call through, filter a list
 * and audit it. It is always the same as the full {@link Decision}'s {@link Decision#allowed()} and
 * {@link Decision#failingCodes()} for the same question, facts and day.
 *
 * @param failingCodes empty when allowed, otherwise the failed codes of the path that came closest
 */
public record Verdict(boolean allowed, List<Prerequisite> failingCodes) {

    public static final Verdict ALLOWED = new Verdict(true, List.of());

    public Verdict {
        failingCodes = List.copyOf(Objects.requireNonNull(failingCodes, "failingCodes"));
        if (allowed != failingCodes.isEmpty()) {
            throw new IllegalArgumentException("a verdict allows exactly when no prerequisite failed");
        }
    }
}
