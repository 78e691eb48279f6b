package se.klassrum.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.Messages;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PrerequisiteCheck;

import java.util.Locale;

/** A decision as JSON: every path tried and each prerequisite with pass/fail and its message. */
final class DecisionJson {

    private DecisionJson() {
    }

    static JsonArrayBuilder paths(Decision decision, Locale locale) {
        JsonArrayBuilder paths = Json.createArrayBuilder();
        for (PathEvaluation path : decision.paths()) {
            JsonArrayBuilder checks = Json.createArrayBuilder();
            for (PrerequisiteCheck check : path.checks()) {
                checks.add(withDetail(Json.createObjectBuilder()
                        .add("code", check.code().name())
                        .add("passed", check.passed())
                        .add("message", Messages.describe(check, locale)), check));
            }
            paths.add(Json.createObjectBuilder()
                    .add("path", path.path().name())
                    .add("allowed", path.allowed())
                    .add("prerequisites", checks));
        }
        return paths;
    }

    /**
     * For a denial's body: the failed prerequisites of every path tried, the closest path first, so that
     * the caller sees what is missing on the path they meant to take.
     */
    static JsonArrayBuilder missing(Decision decision, Locale locale) {
        JsonArrayBuilder missing = Json.createArrayBuilder();
        PathEvaluation closest = decision.closestPath();
        addFailed(missing, closest, locale);
        for (PathEvaluation path : decision.paths()) {
            if (path != closest) {
                addFailed(missing, path, locale);
            }
        }
        return missing;
    }

    private static void addFailed(JsonArrayBuilder missing, PathEvaluation path, Locale locale) {
        for (PrerequisiteCheck check : path.checks()) {
            if (!check.passed()) {
                missing.add(withDetail(Json.createObjectBuilder()
                        .add("code", check.code().name())
                        .add("path", path.path().name())
                        .add("message", Messages.describe(check, locale)), check));
            }
        }
    }

    /**
     * The part of the prerequisite that decided, when there is one: a stable code of its own (docs/ACCESS-RULES.md,
     * section 8), e.g. {@code adult} or {@code consentWithdrawn} for a guardian link after majority.
     */
    private static JsonObjectBuilder withDetail(JsonObjectBuilder check, PrerequisiteCheck prerequisite) {
        return prerequisite.detail() == null ? check : check.add("detail", prerequisite.detail());
    }

    static JsonObjectBuilder explanation(Decision decision, Locale locale) {
        return Json.createObjectBuilder()
                .add("allowed", decision.allowed())
                .add("student", decision.question().studentId().toString())
                .add("kind", decision.question().kind().name())
                .add("operation", decision.question().operation().name())
                .add("failingCodes", Json.createArrayBuilder(decision.failingCodes().stream().map(Enum::name).toList()))
                .add("paths", paths(decision, locale));
    }
}
