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
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.Verdict;

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

    /** For what an archived group keeps (posts, assignments, submissions), also the read-only history path (H1). */
    private static final AccessPath[] PERSON_PATHS_WITH_HISTORY = {
        AccessPath.TEACHER, AccessPath.MENTOR, AccessPath.STUDENT, AccessPath.GUARDIAN, AccessPath.HISTORY
    };

    /**
     * Assignments and submissions of a student: also the history, the development overview and the mentor's view of
     * earlier assessed work (H1 to H4).
     */
    private static final AccessPath[] PERSON_PATHS_WITH_OVERVIEW = {
        AccessPath.TEACHER, AccessPath.MENTOR, AccessPath.STUDENT, AccessPath.GUARDIAN, AccessPath.HISTORY,
        AccessPath.OVERVIEW, AccessPath.GUARDIAN_OVERVIEW, AccessPath.MENTOR_HISTORY
    };

    /** Assessments: also the earlier assessments in the subject of a teacher's current group (S1). */
    private static final AccessPath[] PERSON_PATHS_WITH_SUBJECT_HISTORY = {
        AccessPath.TEACHER, AccessPath.MENTOR, AccessPath.STUDENT, AccessPath.GUARDIAN, AccessPath.SUBJECT_HISTORY
    };

    /** A person signed in through a guardian login acts as a guardian and nothing else. */
    private static final AccessPath[] GUARDIAN_LOGIN_PATHS = {AccessPath.GUARDIAN};

    /** A guardian login asking about a child's assignments and submissions: also the child's development overview. */
    private static final AccessPath[] GUARDIAN_LOGIN_PATHS_WITH_OVERVIEW = {AccessPath.GUARDIAN, AccessPath.GUARDIAN_OVERVIEW};

    /** An application is judged on its permissions only. */
    private static final AccessPath[] APPLICATION_PATHS = {AccessPath.APPLICATION};

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(SCHOOL_ZONE));
    }

    /**
     * @param today the school-local date, see {@link #today(Clock)}
     * @throws IllegalArgumentException when the facts are about other people than the question (for a
     *         group-level question: when they describe any student)
     */
    public Decision decide(AccessQuestion question, AccessFacts facts, LocalDate today) {
        AccessPath[] tried = pathsFor(question, facts, today);
        Evaluation evaluation = new Evaluation(question, facts, today, true);
        List<PathEvaluation> paths = new ArrayList<>(tried.length);
        boolean allowed = false;
        for (AccessPath path : tried) {
            PathEvaluation evaluated = evaluation.evaluate(path);
            paths.add(evaluated);
            allowed |= evaluated.allowed();
        }
        return new Decision(allowed, question, paths);
    }

    /**
     * The outcome of {@link #decide} without its explanation, for the guard: the paths after the first one that
     * allows are not tried, and no prerequisite's arguments are built. Allowed and failing codes are always
     * {@link #decide}'s.
     */
    public Verdict verdict(AccessQuestion question, AccessFacts facts, LocalDate today) {
        AccessPath[] tried = pathsFor(question, facts, today);
        Evaluation evaluation = new Evaluation(question, facts, today, false);
        Check[] closest = null;
        int closestBits = 0;
        int closestFailed = Integer.MAX_VALUE;
        for (AccessPath path : tried) {
            Check[] checks = evaluation.checks(path);
            // Only a path that fails fewer checks than the closest so far can change the codes, so the search of
            // the others stops as soon as that is out of reach.
            int bits = evaluation.passedBits(path, checks, closestFailed);
            if (bits == Evaluation.NOT_CLOSER) {
                continue;
            }
            int failed = checks.length - Integer.bitCount(bits);
            if (failed == 0) {
                return Verdict.ALLOWED;
            }
            // As Decision.closestPath: the fewest failed checks, the earliest path among equals.
            if (failed < closestFailed) {
                closest = checks;
                closestBits = bits;
                closestFailed = failed;
            }
        }
        List<Prerequisite> codes = new ArrayList<>(closestFailed);
        for (int i = 0; i < closest.length; i++) {
            if ((closestBits & (1 << i)) == 0 && !codes.contains(closest[i].code)) {
                codes.add(closest[i].code);
            }
        }
        return new Verdict(false, codes);
    }

    /** The paths a question is judged on, after checking that the facts are about the question's people. */
    private static AccessPath[] pathsFor(AccessQuestion question, AccessFacts facts, LocalDate today) {
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
            return APPLICATION_PATHS;
        }
        Actor.Person person = (Actor.Person) question.actor();
        if (facts.actor() == null || !facts.actor().personId().equals(person.personId())) {
            throw new IllegalArgumentException("the facts describe another actor than the question");
        }
        boolean overview = !question.groupLevel() && PathRules.inOverview(question.kind());
        if (person.guardianLogin()) {
            return overview ? GUARDIAN_LOGIN_PATHS_WITH_OVERVIEW : GUARDIAN_LOGIN_PATHS;
        }
        if (overview) {
            return PERSON_PATHS_WITH_OVERVIEW;
        }
        if (question.kind() == se.klassrum.access.api.DataKind.ASSESSMENT) {
            return PERSON_PATHS_WITH_SUBJECT_HISTORY;
        }
        return PathRules.keptInHistory(question.kind()) ? PERSON_PATHS_WITH_HISTORY : PERSON_PATHS;
    }
}
