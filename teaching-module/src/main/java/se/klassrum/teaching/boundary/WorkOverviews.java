package se.klassrum.teaching.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupId;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentData;
import se.klassrum.access.api.StudentOwned;
import se.klassrum.teaching.boundary.Views.FileView;
import se.klassrum.teaching.boundary.Views.SubmissionView;
import se.klassrum.teaching.control.TeachingContext;
import se.klassrum.teaching.entity.Attachment;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.Submission;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the work stands, at a glance and across groups: the hand-ins waiting for a teacher's feedback
 * ("Att rätta"), a student's assignments with where their own work stands ("Att göra", also for a guardian's
 * child), and per assignment of a group how many have handed in. Every item is a student's submission and is
 * decided by the access rules as one list, so what is counted is only what the caller may see.
 */
@ApplicationScoped
@Transactional
public class WorkOverviews {

    /** Where a student's work on a published assignment stands, as the student and those who follow them read it. */
    public enum WorkStatus {
        /** Not handed in (a guardian or a teacher also reads a student's unsent draft so). */
        NOT_SUBMITTED,
        /** The student's own unsent draft; only ever given to the student. */
        DRAFT,
        /** Handed in by the due time, waiting for the teacher. */
        SUBMITTED,
        /** Handed in after the due time, waiting for the teacher. */
        LATE,
        /** Returned with the teacher's feedback. */
        RETURNED,
        /** Sent back for komplettering: the student is to hand in again. */
        COMPLETION_REQUESTED;

        /** Whether the student still has something to do. */
        public boolean open() {
            return this == NOT_SUBMITTED || this == DRAFT || this == COMPLETION_REQUESTED;
        }
    }

    /** A hand-in waiting for the feedback of a teacher of its group. */
    public record HandInToReview(UUID submissionId, UUID assignmentId, String assignmentTitle, OffsetDateTime dueAt,
                                 UUID groupId, String groupName, UUID studentId, String studentName,
                                 OffsetDateTime submittedAt, boolean late) implements StudentOwned {
    }

    /** One published assignment of a student's current groups, with where the student's work on it stands. */
    public record WorkItem(UUID assignmentId, String title, OffsetDateTime dueAt, UUID groupId, String groupName,
                           UUID studentId, WorkStatus status, OffsetDateTime submittedAt, OffsetDateTime returnedAt)
            implements StudentOwned {
    }

    /**
     * How far a group's students have come with one assignment: "4/6 inlämnade · 1 sen · 2 att rätta". Handed in
     * counts the work that is with the teacher or returned; work sent back for komplettering is with the student.
     */
    public record AssignmentProgress(UUID assignmentId, int handedIn, int late, int toReview, int returned) {

        /** Counts the hand-ins per assignment; an assignment nobody handed in to is counted as none. */
        public static Map<UUID, AssignmentProgress> count(List<UUID> assignmentIds, List<HandInState> handIns) {
            Map<UUID, int[]> counts = new LinkedHashMap<>();
            assignmentIds.forEach(id -> counts.put(id, new int[4]));
            for (HandInState handIn : handIns) {
                int[] count = counts.get(handIn.assignmentId());
                if (count == null) {
                    continue;
                }
                boolean waiting = handIn.status() == Submission.Status.SUBMITTED;
                boolean returned = handIn.status() == Submission.Status.RETURNED;
                if (waiting || returned) {
                    count[0]++;
                    count[1] += handIn.late() ? 1 : 0;
                    count[2] += waiting ? 1 : 0;
                    count[3] += returned ? 1 : 0;
                }
            }
            Map<UUID, AssignmentProgress> progress = new LinkedHashMap<>();
            counts.forEach((id, count) -> progress.put(id, new AssignmentProgress(id, count[0], count[1], count[2], count[3])));
            return progress;
        }
    }

    /** One student's hand-in to an assignment of a group, as counted in {@link AssignmentProgress}. */
    public record HandInState(UUID assignmentId, UUID groupId, UUID studentId, Submission.Status status, boolean late)
            implements StudentOwned {
    }

    /**
     * A student's work on one published assignment as others read it: the last hand-in with the teacher's answer
     * and the earlier hand-ins and answers ({@code submission}, never the draft), and the files that came with a
     * hand-in or an answer ({@code files}, oldest first; neither a draft's nor an answer's still waiting).
     */
    public record HandIn(SubmissionView submission, List<FileView> files) implements StudentOwned {

        @Override
        public UUID studentId() {
            return submission.studentId();
        }

        @Override
        public UUID groupId() {
            return submission.groupId();
        }
    }

    /** What the caller does in the connected, current groups today: teaches in (owns) some, studies in some. */
    public record CallerRoles(boolean teaches, boolean studies) {
    }

    @Inject
    TeachingContext context;

    /** Whether the caller owns or is a member of a connected, current group today: which overviews a start page offers. */
    @NoStudentData("the caller's own kinds of membership; names no student")
    public CallerRoles callerRoles() {
        UUID caller = context.callerPersonIdOrNull();
        if (caller == null) {
            return new CallerRoles(false, false);
        }
        List<MembershipRole> roles = context.em().createQuery("select distinct m.role from Membership m"
                        + " where m.person.id = :caller and m.group.connected = true and m.group.archived = false"
                        + " and m.validity.validFrom <= :today and (m.validity.validTo is null or m.validity.validTo >= :today)",
                        MembershipRole.class)
                .setParameter("caller", caller)
                .setParameter("today", context.today())
                .getResultList();
        return new CallerRoles(roles.contains(MembershipRole.OWNER), roles.contains(MembershipRole.MEMBER));
    }

    /**
     * "Att rätta": the hand-ins waiting for feedback in the published assignments of the connected, current groups
     * that the caller owns today, oldest hand-in first. The rules decide every hand-in, as one list.
     */
    @StudentData(kind = DataKind.SUBMISSION)
    public Slice<HandInToReview> toReview(Page page) {
        List<String> after = page.after(2);
        TypedQuery<Object[]> query = context.em().createQuery("select s.id, a.id, a.title, a.dueAt, g.id, g.name,"
                        + " p.id, p.givenName, p.familyName, s.submittedAt, s.late"
                        + " from Submission s join s.assignment a join a.group g join s.student p"
                        + " where s.status = :submitted and a.status = :published and a.deletedAt is null"
                        + " and g.connected = true and g.archived = false"
                        + " and exists (select m from Membership m where m.group = g and m.person.id = :caller"
                        + " and m.role = :owner and m.validity.validFrom <= :today"
                        + " and (m.validity.validTo is null or m.validity.validTo >= :today))"
                        + (after == null ? "" : " and (s.submittedAt > :time or (s.submittedAt = :time and s.id > :id))")
                        + " order by s.submittedAt, s.id", Object[].class)
                .setParameter("submitted", Submission.Status.SUBMITTED)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .setParameter("caller", context.callerPersonId())
                .setParameter("owner", MembershipRole.OWNER)
                .setParameter("today", context.today())
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("time", OffsetDateTime.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        return Slice.of(query.getResultList(), page,
                row -> new HandInToReview((UUID) row[0], (UUID) row[1], (String) row[2], utc(row[3]), (UUID) row[4],
                        (String) row[5], (UUID) row[6], row[7] + " " + row[8], utc(row[9]), (Boolean) row[10]),
                row -> new Object[] {utc(row[9]), row[0]});
    }

    /**
     * "Att göra": the published assignments of the connected, current groups the student is a member of today, by
     * due time, each with where the student's work stands. Asked by the student, a guardian or a teacher of the
     * student alike; each sees the items the rules let them see, and only the student sees their draft as one.
     *
     * @param dueFrom leave out assignments due before this time; null for all
     */
    @StudentData(kind = DataKind.SUBMISSION)
    public Slice<WorkItem> workOf(UUID studentId, OffsetDateTime dueFrom, Page page) {
        List<String> after = page.after(2);
        TypedQuery<Object[]> query = context.em().createQuery("select a.id, a.title, a.dueAt, g.id, g.name,"
                        + " s.status, s.late, s.submittedAt, s.returnedAt"
                        + " from Assignment a join a.group g left join Submission s on s.assignment = a and s.student.id = :student"
                        + " where a.status = :published and a.deletedAt is null and g.connected = true and g.archived = false"
                        + " and exists (select m from Membership m where m.group = g and m.person.id = :student"
                        + " and m.role = :member and m.validity.validFrom <= :today"
                        + " and (m.validity.validTo is null or m.validity.validTo >= :today))"
                        + (dueFrom == null ? "" : " and a.dueAt >= :dueFrom")
                        + (after == null ? "" : " and (a.dueAt > :time or (a.dueAt = :time and a.id > :id))")
                        + " order by a.dueAt, a.id", Object[].class)
                .setParameter("student", studentId)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", context.today())
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("time", OffsetDateTime.parse(after.get(0))).setParameter("id", UUID.fromString(after.get(1)));
        }
        if (dueFrom != null) {
            query.setParameter("dueFrom", dueFrom);
        }
        boolean ownDraftsShown = context.callerIs(studentId);
        return Slice.of(query.getResultList(), page, row -> {
            Submission.Status stored = (Submission.Status) row[5];
            WorkStatus status = status(stored, Boolean.TRUE.equals(row[6]), ownDraftsShown);
            return new WorkItem((UUID) row[0], (String) row[1], utc(row[2]), (UUID) row[3], (String) row[4], studentId,
                    status, status == WorkStatus.NOT_SUBMITTED || status == WorkStatus.DRAFT ? null : utc(row[7]),
                    status == WorkStatus.RETURNED || status == WorkStatus.COMPLETION_REQUESTED ? utc(row[8]) : null);
        }, row -> new Object[] {utc(row[2]), row[0]});
    }

    /**
     * The hand-ins (drafts are nobody's but the student's) to the group's published assignments, one per student and
     * assignment, decided as one list: what {@link AssignmentProgress#count} counts.
     */
    @StudentData(kind = DataKind.SUBMISSION)
    public List<HandInState> handInsInGroup(@GroupId UUID groupId) {
        return context.em().createQuery("select a.id, s.student.id, s.status, s.late from Submission s join s.assignment a"
                        + " where a.group.id = :group and a.status = :published and a.deletedAt is null and s.status <> :draft",
                        Object[].class)
                .setParameter("group", groupId)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .setParameter("draft", Submission.Status.DRAFT)
                .getResultStream()
                .map(row -> new HandInState((UUID) row[0], groupId, (UUID) row[1], (Submission.Status) row[2], (Boolean) row[3]))
                .toList();
    }

    /**
     * What the student has handed in to the published assignments of the connected, current groups they are a member
     * of today, with the teacher's feedback, the komplettering history and the files of each hand-in and answer:
     * for the student's guardians and teachers as for the student. Drafts are the student's alone and are never
     * among them. The rules decide every hand-in, as one list.
     */
    @StudentData(kind = DataKind.SUBMISSION)
    public List<HandIn> handInsOf(UUID studentId) {
        List<Submission> submissions = context.em().createQuery("select s from Submission s join s.assignment a"
                        + " join a.group g where s.student.id = :student and s.status <> :draft"
                        + " and a.status = :published and a.deletedAt is null and g.connected = true and g.archived = false"
                        + " and exists (select m from Membership m where m.group = g and m.person.id = :student"
                        + " and m.role = :member and m.validity.validFrom <= :today"
                        + " and (m.validity.validTo is null or m.validity.validTo >= :today))"
                        + " order by a.dueAt, a.id", Submission.class)
                .setParameter("student", studentId)
                .setParameter("draft", Submission.Status.DRAFT)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .setParameter("member", MembershipRole.MEMBER)
                .setParameter("today", context.today())
                .getResultList();
        if (submissions.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<FileView>> files = new LinkedHashMap<>();
        context.em().createQuery("select f from Attachment f where f.submission in :submissions and f.entry is not null"
                        + " order by f.uploadedAt, f.id", Attachment.class)
                .setParameter("submissions", submissions)
                .getResultList()
                .forEach(file -> files.computeIfAbsent(file.submission().id(), id -> new ArrayList<>()).add(FileView.of(file)));
        return submissions.stream().map(submission -> new HandIn(SubmissionView.of(submission),
                List.copyOf(files.getOrDefault(submission.id(), List.of())))).toList();
    }

    static WorkStatus status(Submission.Status stored, boolean late, boolean ownDraftsShown) {
        if (stored == null) {
            return WorkStatus.NOT_SUBMITTED;
        }
        return switch (stored) {
            case DRAFT -> ownDraftsShown ? WorkStatus.DRAFT : WorkStatus.NOT_SUBMITTED;
            case SUBMITTED -> late ? WorkStatus.LATE : WorkStatus.SUBMITTED;
            case RETURNED -> WorkStatus.RETURNED;
            case COMPLETION_REQUESTED -> WorkStatus.COMPLETION_REQUESTED;
        };
    }

    private static OffsetDateTime utc(Object value) {
        return value == null ? null : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
