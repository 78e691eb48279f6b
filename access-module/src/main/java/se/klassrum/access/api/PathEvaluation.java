package se.klassrum.access.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One path judged: every prerequisite of the path for the candidate school and group that came closest
 * (the one that passed, when the path allows).
 */
public record PathEvaluation(AccessPath path, boolean allowed, List<PrerequisiteCheck> checks) {

    public PathEvaluation {
        Objects.requireNonNull(path, "path");
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a path with no prerequisites would allow everything");
        }
        if (allowed != (failedCount(checks) == 0)) {
            throw new IllegalArgumentException("a path allows exactly when every prerequisite passed");
        }
    }

    /** Each failed code once, in the order of the checks. */
    public List<Prerequisite> failingCodes() {
        List<Prerequisite> codes = new ArrayList<>(2);
        for (PrerequisiteCheck check : checks) {
            if (!check.passed() && !codes.contains(check.code())) {
                codes.add(check.code());
            }
        }
        return List.copyOf(codes);
    }

    public int failedCount() {
        return failedCount(checks);
    }

    private static int failedCount(List<PrerequisiteCheck> checks) {
        int failed = 0;
        for (PrerequisiteCheck check : checks) {
            if (!check.passed()) {
                failed++;
            }
        }
        return failed;
    }
}
