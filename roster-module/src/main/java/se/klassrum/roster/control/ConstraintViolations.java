package se.klassrum.roster.control;

import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a constraint violation reported by PostgreSQL into a coded {@link RosterException}.
 * <p>
 * The constraint is found by its name, quoted in the driver's message. That name is the one thing in
 * the message that does not depend on the server's language ({@code lc_messages}) or on the JPA
 * provider's wrapping, and it needs no compile-time dependency on the PostgreSQL driver.
 */
public final class ConstraintViolations {

    /** SQLSTATE class 23: integrity constraint violation. */
    private static final String INTEGRITY_VIOLATION_CLASS = "23";

    // Our constraint names all start like this (see V1__roster_model.sql); relation names do not.
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("\"((?:pk|fk|uq|ck)_[a-z0-9_]+)\"");

    private ConstraintViolations() {
    }

    /**
     * @param failure the exception from a flush or commit
     * @param args    the values the message of the matching {@link RosterError} may name
     * @return the coded exception, or empty if the failure was not a constraint violation
     */
    public static Optional<RosterException> explain(RuntimeException failure, Map<String, ?> args) {
        return violatedConstraint(failure).map(constraint -> RosterError.forConstraint(constraint)
                .map(error -> new RosterException(error, args, failure))
                .orElseGet(() -> new RosterException(
                        RosterError.CONSTRAINT_VIOLATED, Map.of("constraint", constraint), failure)));
    }

    /** The name of the violated constraint, if the failure, or any of its causes, is a constraint violation. */
    public static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                Optional<String> name = fromSqlException(sql);
                if (name.isPresent()) {
                    return name;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromSqlException(SQLException first) {
        for (SQLException sql = first; sql != null; sql = sql.getNextException()) {
            String state = sql.getSQLState();
            if (state != null && state.startsWith(INTEGRITY_VIOLATION_CLASS) && sql.getMessage() != null) {
                Matcher matcher = CONSTRAINT_NAME.matcher(sql.getMessage());
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }
}
