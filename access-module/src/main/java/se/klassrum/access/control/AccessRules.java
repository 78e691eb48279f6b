package se.klassrum.access.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.PathEvaluation;

/**
 * The prerequisite rules of docs/ACCESS-RULES.md as a pure function of question, facts and date.
 * Stateless and thread-safe. A person is judged on the teacher, mentor, student and guardian paths; an
 * application on the application path only. A question is about one student, or, for posts and
 * assignments, may be about its group as a whole ({@link AccessQuestion#groupLevel()}).
 */
public final class AccessRules {

    /** "Active" means valid on today's date in this zone. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    private static final AccessPath[] PERSON_PATHS = {
        AccessPath.TEACHER, AccessPath.MENTOR, AccessPath.STUDENT, AccessPath.GUARDIAN
    };

    /** A person signed in through a guardian login acts as a guardian and nothing else. */
    private static final AccessPath[] GUARDIAN_LOGIN_PATHS = {AccessPath.GUARDIAN};

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(SCHOOL_ZONE));
    }

    /**
     * @param today the school-local date, see {@link #today(Clock)}
     * @throws IllegalArgumentException when the facts are about other people than the question (for a
     *         group-level question: when they describe any student)
     */
    public Decision decide(AccessQuestion question, AccessFacts facts, LocalDate today) {
        return decide(question, facts, today, false);
    }

    /**
     * The same decision as {@link #decide}, but the paths after the first one that allows are not tried: for
     * the guard, which needs only the outcome when it allows (and every path when it denies, to explain). A
     * denial is identical to {@link #decide}'s; an allowing decision lists the paths up to the allowing one.
     */
    public Decision decideUntilAllowed(AccessQuestion question, AccessFacts facts, LocalDate today) {
        return decide(question, facts, today, true);
    }

    private Decision decide(AccessQuestion question, AccessFacts facts, LocalDate today, boolean stopWhenAllowed) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(today, "today");
        if (question.groupLevel()) {
            if (facts.student() != null) {
                throw new IllegalArgumentException(
                        "the question is about a group as a whole, but the facts describe a student");
            }
        } else if (facts.student() == null || !facts.student().personId().equals(question.studentId())) {
            throw new IllegalArgumentException("the facts describe another student than the question");
        }
        if (question.actor() instanceof Actor.Application) {
            PathEvaluation application = new Evaluation(question, facts, today).evaluate(AccessPath.APPLICATION);
            return new Decision(application.allowed(), question, List.of(application));
        }
        Actor.Person person = (Actor.Person) question.actor();
        if (facts.actor() == null || !facts.actor().personId().equals(person.personId())) {
            throw new IllegalArgumentException("the facts describe another actor than the question");
        }
        Evaluation evaluation = new Evaluation(question, facts, today);
        AccessPath[] tried = person.guardianLogin() ? GUARDIAN_LOGIN_PATHS : PERSON_PATHS;
        List<PathEvaluation> paths = new ArrayList<>(tried.length);
        boolean allowed = false;
        for (AccessPath path : tried) {
            PathEvaluation evaluated = evaluation.evaluate(path);
            paths.add(evaluated);
            allowed |= evaluated.allowed();
            if (allowed && stopWhenAllowed) {
                break;
            }
        }
        return new Decision(allowed, question, paths);
    }
}
