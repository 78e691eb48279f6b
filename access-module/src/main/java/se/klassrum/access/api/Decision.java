package se.klassrum.access.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Allow or deny, with every path tried and each of its prerequisites. Deny by default: the decision
 * allows exactly when at least one path allows.
 */
public record Decision(boolean allowed, AccessQuestion question, List<PathEvaluation> paths) {

    public Decision {
        Objects.requireNonNull(question, "question");
        paths = List.copyOf(paths);
        boolean anyPathAllows = false;
        for (PathEvaluation path : paths) {
            anyPathAllows |= path.allowed();
        }
        if (allowed != anyPathAllows) {
            throw new IllegalArgumentException("a decision allows exactly when a path allows");
        }
    }

    /** The first path (in {@link AccessPath} order) that allows. */
    public Optional<PathEvaluation> allowingPath() {
        for (PathEvaluation path : paths) {
            if (path.allowed()) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * The path an explanation leads with: the allowing path, or else the path with the fewest failed
     * prerequisites (the earliest in {@link AccessPath} order among equals).
     */
    public PathEvaluation closestPath() {
        PathEvaluation closest = null;
        for (PathEvaluation path : paths) {
            if (path.allowed()) {
                return path;
            }
            if (closest == null || path.failedCount() < closest.failedCount()) {
                closest = path;
            }
        }
        if (closest == null) {
            throw new IllegalStateException("no path was tried");
        }
        return closest;
    }

    /** For the audit log: empty when allowed, otherwise the failed codes of {@link #closestPath()}. */
    public List<Prerequisite> failingCodes() {
        return allowed ? List.of() : closestPath().failingCodes();
    }
}
