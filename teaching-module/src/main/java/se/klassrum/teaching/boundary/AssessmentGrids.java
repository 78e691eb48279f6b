package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Assessment;
import se.klassrum.teaching.entity.Grade;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.SafeHtml;
import se.klassrum.teaching.entity.TeachingException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assessments of a whole teaching group at once: its active students × its syllabus, one row per student with
 * the assessment set through the group. Each row is read and each row's setting is decided by the access rules, the
 * rows together as one list; a save writes every changed row in one transaction, or none when the rules refuse any.
 */
@ApplicationScoped
@Transactional
public class AssessmentGrids {

    /**
     * One student's row: the assessment through the group ({@code assessmentId} null while there is none or while the
     * caller may not read it), whether the caller may set it, and when not, the prerequisites that failed
     * ({@code refusedFor}, the codes of ACCESS-RULES.md).
     */
    public record GridRow(UUID studentId, String studentName, UUID syllabusId, UUID assessmentId, Grade grade,
                          SafeHtml comment, PublicationStatus status, OffsetDateTime updatedAt, boolean settable,
                          List<String> refusedFor) implements StudentOwned {
    }

    /** A changed row: the student's new grade and comment. */
    public record Change(UUID studentId, Grade grade, String comment) {
    }

    /** What a save did: how many assessments it wrote and how many it published. */
    public record Saved(int written, int published) {
    }

    @Inject
    TeachingContext context;

    @Inject
    AccessGuard guard;

    /**
     * The group's rows, by the students' names: the students whose profile the caller may see (decided as a list by
     * the interceptor), each with its assessment when the caller may read it (a second list) and saying whether the
     * caller may set it (a third), so that a teacher who may not assess still sees whom and why.
     */
    @StudentData(kind = DataKind.STUDENT_PROFILE)
    public List<GridRow> rows(@GroupId UUID groupId) {
        AccessGuard.ListDecision write = groupDecision(groupId);
        StudyGroup group = context.find(StudyGroup.class, groupId);
        Syllabus syllabus = syllabusOf(group);
        Map<UUID, Assessment> assessed = assessmentsThrough(groupId);
        List<Object[]> members = context.em().createQuery("select p.id, p.givenName, p.familyName from Membership m"
                        + " join m.person p where m.group.id = :group and m.role = :member and m.validity.validFrom <= :today"
                        + " and (m.validity.validTo is null or m.validity.validTo >= :today)"
                        + " order by p.familyName, p.givenName, p.id", Object[].class)
                .setParameter("group", groupId)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", context.today())
                .getResultStream()
                .map(row -> new Object[] {row[0], row[1], row[2], assessed.get((UUID) row[0])})
                .toList();
        List<UUID> students = members.stream().map(row -> (UUID) row[0]).toList();
        boolean[] readable = readable(groupId, members);
        List<List<String>> refusals = settable(write, group, syllabus, students);
        List<GridRow> rows = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            Object[] member = members.get(i);
            Assessment assessment = readable[i] ? (Assessment) member[3] : null;
            List<String> refusedFor = refusals.get(i);
            rows.add(new GridRow((UUID) member[0], member[1] + " " + member[2], syllabus.id(),
                    assessment == null ? null : assessment.id(), assessment == null ? null : assessment.grade(),
                    assessment == null ? null : assessment.comment(), assessment == null ? null : assessment.status(),
                    assessment == null ? null : assessment.updatedAt(), refusedFor.isEmpty(), refusedFor));
        }
        return rows;
    }

    /**
     * Writes the changed rows, and with {@code publish} publishes every draft of the group's rows the caller may set;
     * drafts the caller may not set stay drafts, and neither they nor their number change the answer. All rows named and
     * the drafts are decided first, as one list; when the rules refuse any row named, nothing is written.
     *
     * @throws TeachingException {@code NOT_SETTABLE} naming how many of the named rows the caller may not set, {@code NOT_A_MEMBER}
     *                           for a student who is not an active member of the group
     */
    @NoStudentData("decides every row it writes through the guard, as one list, before it writes any")
    public Saved save(UUID groupId, List<Change> changes, boolean publish) {
        AccessGuard.ListDecision write = groupDecision(groupId);
        StudyGroup group = context.find(StudyGroup.class, groupId);
        Syllabus syllabus = syllabusOf(group);
        Map<UUID, Assessment> current = assessmentsThrough(groupId);
        Map<UUID, Change> changed = new LinkedHashMap<>();
        changes.forEach(change -> changed.put(change.studentId(), change));
        List<UUID> decided = new ArrayList<>(changed.keySet());
        if (decided.isEmpty() && !publish) {
            return new Saved(0, 0);
        }
        if (publish) {
            current.values().stream().filter(assessment -> !assessment.isPublished())
                    .map(assessment -> assessment.student().id()).filter(id -> !changed.containsKey(id)).forEach(decided::add);
        }
        List<List<String>> refusals = settable(write, group, syllabus, decided);
        // Only the rows the caller named can refuse the save: the group's other drafts are published where the caller may
        // set them and otherwise left as they are, so that nothing answered depends on drafts the caller may not see.
        long refused = refusals.subList(0, changed.size()).stream().filter(codes -> !codes.isEmpty()).count();
        if (refused > 0) {
            throw new TeachingException("NOT_SETTABLE",
                    refused + " av omdömena får du inte sätta genom gruppen " + group.name() + "; inget sparades",
                    refused + " of the assessments may not be set by you through the group " + group.name()
                            + "; nothing was saved");
        }
        // Only now: whether someone is a member of the group is not said to a caller who may not set their assessment.
        requireActiveMembers(groupId, changed.keySet().stream().toList());
        Person teacher = context.find(Person.class, context.callerPersonId());
        OffsetDateTime now = context.now();
        int written = 0;
        for (Change change : changed.values()) {
            Assessment assessment = current.get(change.studentId());
            if (assessment == null) {
                assessment = new Assessment(context.find(Person.class, change.studentId()), group, change.grade(),
                        SafeHtml.of(change.comment()), teacher, now);
                context.em().persist(assessment);
                current.put(change.studentId(), assessment);
            } else {
                assessment.revise(change.grade(), SafeHtml.of(change.comment()), teacher, now);
            }
            written++;
        }
        int published = 0;
        if (publish) {
            for (int i = 0; i < decided.size(); i++) {
                Assessment assessment = current.get(decided.get(i));
                if (assessment != null && !assessment.isPublished() && refusals.get(i).isEmpty()) {
                    assessment.publish(now);
                    published++;
                }
            }
        }
        return new Saved(written, published);
    }

    /**
     * For each student, the prerequisites that keep the caller from setting the student's assessment through this
     * group (empty when they may): the rules, decided for all students as one list and audited once, and that the
     * caller owns this group, which is connected and not archived ({@code NOT_THROUGH_THIS_GROUP}).
     */
    private List<List<String>> settable(AccessGuard.ListDecision write, StudyGroup group, Syllabus syllabus,
                                        List<UUID> students) {
        if (students.isEmpty()) {
            return List.of();
        }
        write.visible(students.stream()
                .map(student -> new AccessGuard.Item(student, null, ItemFacts.assessment(syllabus.id(), false))).toList());
        write.audit();
        boolean throughThisGroup = group.isOpenForAccess() && ownsToday(group.id());
        List<List<String>> refusals = new ArrayList<>(students.size());
        for (int i = 0; i < students.size(); i++) {
            List<String> failing = write.failingCodes(i);
            refusals.add(!failing.isEmpty() || throughThisGroup ? failing : List.of("NOT_THROUGH_THIS_GROUP"));
        }
        return refusals;
    }

    /** The assessments set through the group, by student. */
    private Map<UUID, Assessment> assessmentsThrough(UUID groupId) {
        Map<UUID, Assessment> assessed = new HashMap<>();
        context.em().createQuery("select a from Assessment a join fetch a.student where a.group.id = :group", Assessment.class)
                .setParameter("group", groupId)
                .getResultStream()
                .forEach(assessment -> assessed.put(assessment.student().id(), assessment));
        return assessed;
    }

    /** Which rows' assessments the caller may read, decided as one list; a row without an assessment has nothing to read. */
    private boolean[] readable(UUID groupId, List<Object[]> members) {
        List<Integer> assessed = new ArrayList<>();
        List<AccessGuard.Item> items = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i)[3] instanceof Assessment assessment) {
                assessed.add(i);
                items.add(new AccessGuard.Item((UUID) members.get(i)[0], null,
                        ItemFacts.assessment(assessment.syllabus().id(), assessment.syllabus().subject().id(), groupId,
                                assessment.isPublished())));
            }
        }
        boolean[] readable = new boolean[members.size()];
        if (items.isEmpty()) {
            return readable;
        }
        AccessGuard.ListDecision read = guard.list(DataKind.ASSESSMENT, Operation.READ, groupId);
        boolean[] allowed = read.visible(items);
        read.audit();
        for (int i = 0; i < assessed.size(); i++) {
            readable[assessed.get(i)] = allowed[i];
        }
        return readable;
    }

    /**
     * The decision of setting the group's rows, begun by asking about the group itself: a group that does not exist
     * for the caller (unknown, or of another organisation) is not found, before anything else is said about it.
     */
    private AccessGuard.ListDecision groupDecision(UUID groupId) {
        AccessGuard.ListDecision write = guard.list(DataKind.ASSESSMENT, Operation.WRITE, groupId);
        write.visible(List.of());
        return write;
    }

    private boolean ownsToday(UUID groupId) {
        UUID caller = context.callerPersonIdOrNull();
        return caller != null && context.em().createQuery("select count(m) from Membership m where m.group.id = :group"
                        + " and m.person.id = :caller and m.role = :owner and m.validity.validFrom <= :today"
                        + " and (m.validity.validTo is null or m.validity.validTo >= :today)", Long.class)
                .setParameter("group", groupId)
                .setParameter("caller", caller)
                .setParameter("owner", MembershipRole.OWNER)
                .setParameter("today", context.today())
                .getSingleResult() > 0;
    }

    private void requireActiveMembers(UUID groupId, List<UUID> students) {
        if (students.isEmpty()) {
            return;
        }
        Long members = context.em().createQuery("select count(distinct m.person.id) from Membership m"
                        + " where m.group.id = :group and m.role = :member and m.person.id in :students"
                        + " and m.validity.validFrom <= :today and (m.validity.validTo is null or m.validity.validTo >= :today)",
                        Long.class)
                .setParameter("group", groupId)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("students", students)
                .setParameter("today", context.today())
                .getSingleResult();
        if (members != students.size()) {
            throw new TeachingException("NOT_A_MEMBER", "Omdömen sätts bara för gruppens aktiva elever; inget sparades",
                    "Assessments are set only for the group's active students; nothing was saved");
        }
    }

    private static Syllabus syllabusOf(StudyGroup group) {
        return group.syllabus().orElseThrow(() -> new TeachingException("NO_SYLLABUS",
                "Gruppen " + group.name() + " har ingen kursplan", "The group " + group.name() + " has no syllabus"));
    }
}
