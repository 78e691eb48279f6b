package se.klassrum.web.pages;

import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PrerequisiteCheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a page shows instead of the content the rules refused: the message of each missing prerequisite of the
 * path that came closest (the one the caller most likely meant to take), told to the reader ("Du är inte kopplad
 * till …"), and what they can do about it ("Be skoladministratören koppla dig till …").
 *
 * @param missing   empty when there is nothing to explain (no such group, or not signed in)
 * @param nextSteps what the reader can do, each once; empty when there is nothing to do but ask
 */
public record Denial(String title, List<String> missing, List<String> nextSteps) {

    public Denial(String title, List<String> missing) {
        this(title, missing, List.of());
    }

    static Denial of(AccessDeniedException denied, Locale locale) {
        PathEvaluation closest = denied.decision().closestPath();
        List<String> messages = new ArrayList<>();
        Set<String> steps = new LinkedHashSet<>();
        for (PrerequisiteCheck check : closest.checks()) {
            if (!check.passed()) {
                messages.add(Messages.toCaller(check, locale));
                String step = Messages.nextStep(check, locale);
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        return new Denial(Texts.text("denied.title"), List.copyOf(messages), List.copyOf(steps));
    }

    static Denial simple(String key) {
        return new Denial(Texts.text(key), List.of());
    }
}
