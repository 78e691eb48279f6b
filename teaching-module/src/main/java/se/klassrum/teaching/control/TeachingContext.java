package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.Post;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.TeachingException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The caller as a person, the time, and entity lookups where an unknown id is a 404. */
@ApplicationScoped
public class TeachingContext {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");

    @Inject
    CallerProvider caller;

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Content is written by people; an application writes none (it has no person to be the author). */
    public UUID callerPersonId() {
        Actor actor = caller.currentActor().orElseThrow(StudentDataNotFoundException::new);
        if (actor instanceof Actor.Person person) {
            return person.personId();
        }
        throw new TeachingException("PERSON_REQUIRED", "Bara en person kan skriva innehåll", "Only a person can write content");
    }

    /** The caller as a person; null for an application or when nobody is signed in. */
    public UUID callerPersonIdOrNull() {
        return caller.currentActor().filter(actor -> actor instanceof Actor.Person)
                .map(actor -> ((Actor.Person) actor).personId()).orElse(null);
    }

    /** The organisation of the caller's sign-in or token; none without a caller. */
    public UUID callerTenantId() {
        return caller.currentActor().map(Actor::tenantId).orElseThrow(StudentDataNotFoundException::new);
    }

    /** Whether the caller is this person (an application never is). */
    public boolean callerIs(UUID personId) {
        return caller.currentActor().filter(actor -> actor instanceof Actor.Person person
                && person.personId().equals(personId)).isPresent();
    }

    /** Now, to the microsecond that PostgreSQL keeps. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(SCHOOL_ZONE));
    }

    /** The entity, or a 404 that says nothing about other tenants. */
    public <T> T find(Class<T> type, UUID id) {
        T entity = id == null ? null : em.find(type, id);
        if (entity == null) {
            throw new StudentDataNotFoundException();
        }
        return entity;
    }

    /** The group's post; a 404 for a post of another group. */
    public Post postOf(UUID groupId, UUID postId) {
        Post post = find(Post.class, postId);
        if (!post.group().id().equals(groupId)) {
            throw new StudentDataNotFoundException();
        }
        return post;
    }

    /** The group's assignment; a 404 for an assignment of another group. */
    public Assignment assignmentOf(UUID groupId, UUID assignmentId) {
        Assignment assignment = find(Assignment.class, assignmentId);
        if (!assignment.group().id().equals(groupId)) {
            throw new StudentDataNotFoundException();
        }
        return assignment;
    }

    /** The student's submission to the assignment, or null while they have none. */
    public Submission submissionOf(UUID assignmentId, UUID studentId) {
        return em.createQuery("select s from Submission s where s.assignment.id = :assignment "
                        + "and s.student.id = :student", Submission.class)
                .setParameter("assignment", assignmentId)
                .setParameter("student", studentId)
                .getResultStream().findFirst().orElse(null);
    }

    public EntityManager em() {
        return em;
    }
}
