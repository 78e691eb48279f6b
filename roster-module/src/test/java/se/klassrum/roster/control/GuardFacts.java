package se.klassrum.roster.control;

import jakarta.persistence.EntityManager;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.Operation;
import se.klassrum.access.control.AccessRules;
import se.klassrum.roster.control.BreakImpacts.AccessKind;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A question of an impact preview (the school-year break's or an import's) asked as the guard asks it: the rules on
 * the facts {@link RosterFactsAdapter} reads, for tests that check a preview against what the rules then decide.
 */
public final class GuardFacts {

    private static final AccessRules RULES = new AccessRules();

    private GuardFacts() {
    }

    /**
     * @param student null for a group's posts
     * @param group   the group of hand-ins, development talks and posts
     * @param syllabus the syllabus of assessments (published, in it)
     */
    public static boolean allowed(EntityManager em, UUID tenant, UUID person, AccessKind kind, UUID student, UUID group,
                                  UUID syllabus, LocalDate day) {
        Actor actor = new Actor.Person(person, tenant);
        AccessQuestion question = switch (kind) {
            case STUDENT_PROFILE -> AccessQuestion.about(actor, student, DataKind.STUDENT_PROFILE, Operation.READ);
            case HAND_INS -> new AccessQuestion(actor, student, DataKind.SUBMISSION, Operation.READ, group,
                    new ItemFacts(null, true, student));
            case ASSESSMENTS -> new AccessQuestion(actor, student, DataKind.ASSESSMENT, Operation.READ, null,
                    ItemFacts.assessment(syllabus, true));
            case DEVELOPMENT_TALKS -> new AccessQuestion(actor, student, DataKind.DEVELOPMENT_TALK, Operation.READ, group,
                    null);
            case GROUP_POSTS -> AccessQuestion.aboutGroup(actor, DataKind.POST, Operation.READ, group, null);
        };
        AccessFacts facts = new RosterFactsAdapter(em).load(person, student, question.groupId()).orElse(null);
        return facts != null && RULES.verdict(question, facts, day).allowed();
    }
}
