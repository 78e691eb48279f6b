package se.klassrum.access.api;

import java.util.Objects;

/**
 * The rules denied a call that touches student data. Carries the whole decision so that the caller can be
 * told which prerequisites are missing.
 */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Decision decision;

    public AccessDeniedException(Decision decision) {
        super("Access denied: " + Objects.requireNonNull(decision, "decision").failingCodes());
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }
}
