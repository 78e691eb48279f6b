package se.klassrum.access.api;

import java.util.List;
import java.util.Set;
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

    /**
     * The decision as far as the given paths go: allowed when one of them allows, otherwise refused with the codes
     * of the closest of them (the fewest failed checks, the earliest among equals, as {@link Decision#closestPath}).
     */
    public static Verdict through(Decision decision, Set<AccessPath> through) {
        PathEvaluation closest = null;
        for (PathEvaluation path : decision.paths()) {
            if (!through.contains(path.path())) {
                continue;
            }
            if (path.allowed()) {
                return Verdict.ALLOWED;
            }
            if (closest == null || path.failedCount() < closest.failedCount()) {
                closest = path;
            }
        }
        if (closest != null) {
            return new Verdict(false, closest.failingCodes());
        }
        // None of the paths applies to the question: the operation is not one they allow.
        return new Verdict(false, decision.allowed() ? List.of(Prerequisite.OPERATION_ALLOWED) : decision.failingCodes());
    }

}
