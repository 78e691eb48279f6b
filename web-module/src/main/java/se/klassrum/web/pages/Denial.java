package se.klassrum.web.pages;

import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PrerequisiteCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a page shows instead of the content the rules refused: the message of each missing prerequisite of the
 * path that came closest (the one the caller most likely meant to take).
 *
 * @param missing empty when there is nothing to explain (no such group, or not signed in)
 */
public record Denial(String title, List<String> missing) {

    static Denial of(AccessDeniedException denied, Locale locale) {
        PathEvaluation closest = denied.decision().closestPath();
        List<String> messages = new ArrayList<>();
        for (PrerequisiteCheck check : closest.checks()) {
            if (!check.passed()) {
                messages.add(Messages.describe(check, locale));
            }
        }
        return new Denial(Texts.text("denied.title"), List.copyOf(messages));
    }

    static Denial simple(String key) {
        return new Denial(Texts.text(key), List.of());
    }
}
