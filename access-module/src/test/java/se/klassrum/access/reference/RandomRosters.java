package se.klassrum.access.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.TeacherSubjectFact;
import se.klassrum.access.api.Validity;

/**
 * Random small rosters and questions, biased so that every path is allowed often enough to matter:
 * mostly one tenant, dates clustered around today (ended yesterday, ends today, starts tomorrow), birth
 * dates around the 18th birthday, and a leap-day child; one group in five is archived, so that the history path
 * (an archived group's owner reading it) is allowed often enough to matter. A share of {@value #GROUP_LEVEL_SHARE} of the
 * questions about posts and assignments are group-level: asked by the same people, about no student.
 */
final class RandomRosters {

    static final UUID[] TENANTS = ids("a", 2);
    static final UUID[] SCHOOLS = ids("5", 3);
    static final UUID[] SUBJECTS = ids("b", 2);
    /** Two syllabi of the first subject and one of the second, to tell "same subject" from "same syllabus". */
    static final UUID[] SYLLABI = ids("c", 3);
    static final UUID[] SYLLABUS_SUBJECT = {SUBJECTS[0], SUBJECTS[1], SUBJECTS[0]};
    static final LocalDate[] TODAYS = {
        LocalDate.of(2025, 3, 12), LocalDate.of(2026, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 8, 15)
    };
    static final List<String> PERMISSIONS = List.of("Students.Read.All", "Students.ReadWrite.All", "Posts.Read.All",
            "Posts.ReadWrite.All", "Assignments.Read.All", "Assignments.ReadWrite.All", "Submissions.Read.All",
            "Submissions.ReadWrite.All", "Assessments.Read.All", "Assessments.ReadWrite.All",
            "DevelopmentTalks.Read.All", "DevelopmentTalks.ReadWrite.All", "TalkOffers.Read.All",
            "TalkOffers.ReadWrite.All", "TalkBookings.Read.All", "TalkBookings.ReadWrite.All");

    /** The development talks of a roster; each may invite some of the guardians. */
    static final UUID[] TALKS = ids("d", 3);

    /** The share of post and assignment questions that are group-level. */
    static final double GROUP_LEVEL_SHARE = 0.4;

    private final SplittableRandom random;
    private LocalDate today;
    private int schools;

    /** Most people and groups are at the first school, so that classrooms form; the others see transfers. */
    private UUID school() {
        return chance(0.75) ? SCHOOLS[0] : SCHOOLS[random.nextInt(schools)];
    }

    RandomRosters(SplittableRandom random) {
        this.random = random;
    }

    private static UUID[] ids(String prefix, int count) {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = UUID.fromString("00000000-0000-0000-0000-" + prefix.repeat(8) + String.format("%04d", i));
        }
        return ids;
    }

    /** Mostly none; a consent recorded after majority now and then, and sometimes one withdrawn (A2). */
    private GuardianLinkFact.Consent consent() {
        double draw = random.nextDouble();
        return draw < 0.2 ? GuardianLinkFact.Consent.RECORDED
                : draw < 0.3 ? GuardianLinkFact.Consent.WITHDRAWN : GuardianLinkFact.Consent.NONE;
    }

    private static GroupFact group(Roster roster, UUID groupId) {
        return roster.groups().stream().filter(g -> g.groupId().equals(groupId)).findFirst().orElseThrow();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private LocalDate around() {
        return today.plusDays(pick(-30, -1, 0, 1, 30));
    }

    private Validity validity() {
        if (chance(0.7)) {
            return Validity.ALWAYS;
        }
        LocalDate from = chance(0.5) ? null : around();
        LocalDate to = chance(0.5) ? null : around();
        return new Validity(from, to);
    }

    /** What a generated person mostly is; every fact can still be broken or missing. */
    private enum Persona { STAFF, STUDENT, GUARDIAN, ANYONE }

    Roster roster() {
        today = pick(TODAYS);
        schools = between(1, 3);
        List<PersonFacts> people = new ArrayList<>();
        List<Persona> personas = new ArrayList<>();
        int peopleCount = between(2, 8);
        for (int i = 0; i < peopleCount; i++) {
            Persona persona = pick(Persona.STAFF, Persona.STAFF, Persona.STUDENT, Persona.STUDENT, Persona.STUDENT,
                    Persona.GUARDIAN, Persona.ANYONE);
            personas.add(persona);
            people.add(person(i, schools, persona));
        }
        List<GroupFact> groups = new ArrayList<>();
        int groupCount = between(0, 5);
        for (int i = 0; i < groupCount; i++) {
            groups.add(group(i, schools));
        }
        List<MembershipFact> memberships = new ArrayList<>();
        for (GroupFact group : groups) {
            for (int i = 0; i < people.size(); i++) {
                PersonFacts person = people.get(i);
                double owner = personas.get(i) == Persona.STAFF ? 0.45 : 0.04;
                double member = personas.get(i) == Persona.STUDENT ? 0.6 : 0.06;
                if (chance(owner)) {
                    memberships.add(new MembershipFact(group.groupId(), person.personId(), MembershipRole.OWNER, validity()));
                }
                if (chance(member)) {
                    memberships.add(new MembershipFact(group.groupId(), person.personId(), MembershipRole.MEMBER, validity()));
                }
            }
        }
        List<TeacherSubjectFact> subjects = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            double linked = personas.get(i) == Persona.STAFF ? 0.8 : 0.1;
            while (chance(linked)) {
                subjects.add(new TeacherSubjectFact(people.get(i).personId(), school(),
                        pick(SUBJECTS)));
                linked /= 2;
            }
        }
        List<GuardianLinkFact> links = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (personas.get(i) == Persona.STUDENT && chance(0.7) || chance(0.05)) {
                int guardian = personas.indexOf(Persona.GUARDIAN);
                UUID guardianId = guardian >= 0 && chance(0.8) ? people.get(guardian).personId() : pick(people).personId();
                links.add(new GuardianLinkFact(guardianId, people.get(i).personId(), chance(0.85), consent(),
                        validity()));
            }
        }
        // Talks invite mostly linked guardians, one of a child's guardians more often than both, now and then no one.
        List<Roster.Invitation> invitations = new ArrayList<>();
        for (UUID talk : TALKS) {
            for (GuardianLinkFact link : links) {
                if (chance(0.55)) {
                    invitations.add(new Roster.Invitation(talk, link.guardianId()));
                }
            }
            if (chance(0.1)) {
                invitations.add(new Roster.Invitation(talk, pick(people).personId()));
            }
        }
        return new Roster(today, people, groups, memberships, subjects, links, invitations.stream().distinct().toList());
    }

    private PersonFacts person(int index, int schools, Persona persona) {
        UUID id = UUID.fromString(String.format("00000000-0000-0000-0000-%012d", index + 1));
        UUID tenant = chance(0.92) ? TENANTS[0] : TENANTS[1];
        UUID home = school();
        List<LicenceFact> licences = new ArrayList<>();
        List<RoleFact> roles = new ArrayList<>();
        switch (persona) {
            case STAFF -> {
                if (chance(0.9)) {
                    licences.add(new LicenceFact(LicenceKind.TEACHER, validity()));
                }
                if (chance(0.85)) {
                    roles.add(new RoleFact(home, SchoolRoleKind.TEACHER, validity()));
                }
                if (chance(0.7)) {
                    roles.add(new RoleFact(home, SchoolRoleKind.MENTOR, validity()));
                }
            }
            case STUDENT -> {
                if (chance(0.9)) {
                    licences.add(new LicenceFact(LicenceKind.STUDENT, validity()));
                }
                if (chance(0.9)) {
                    roles.add(new RoleFact(home, SchoolRoleKind.STUDENT, validity()));
                }
            }
            case GUARDIAN, ANYONE -> {
            }
        }
        int extraRoles = persona == Persona.ANYONE ? between(0, 3) : chance(0.25) ? 1 : 0;
        for (int i = 0; i < extraRoles; i++) {
            SchoolRoleKind kind = pick(SchoolRoleKind.TEACHER, SchoolRoleKind.MENTOR, SchoolRoleKind.STUDENT,
                    SchoolRoleKind.SCHOOL_ADMIN, SchoolRoleKind.PRINCIPAL);
            roles.add(new RoleFact(school(), kind, validity()));
        }
        if (persona == Persona.ANYONE || chance(0.1)) {
            licences.add(new LicenceFact(pick(LicenceKind.values()), validity()));
        }
        LocalDate birthDate = switch (random.nextInt(8)) {
            case 0 -> null;
            case 1, 2 -> today.minusYears(18).plusDays(pick(-1, 0, 1));
            case 3 -> LocalDate.of(2008, 2, 29);
            default -> today.minusYears(between(7, 30));
        };
        boolean login = persona == Persona.GUARDIAN ? chance(0.85) : chance(0.3);
        return new PersonFacts(id, tenant, licences, roles, chance(0.15), login, birthDate);
    }

    private GroupFact group(int index, int schools) {
        UUID id = UUID.fromString(String.format("00000000-0000-0000-0000-9999%08d", index));
        boolean teaching = chance(0.55);
        int syllabus = teaching && chance(0.75) ? random.nextInt(SYLLABI.length) : -1;
        UUID subject = syllabus < 0 || chance(0.05) ? null : SYLLABUS_SUBJECT[syllabus];
        return new GroupFact(id, chance(0.92) ? TENANTS[0] : TENANTS[1], school(), "G" + index,
                teaching ? GroupKind.TEACHING : GroupKind.MENTOR, chance(0.85), chance(0.2),
                syllabus < 0 ? null : SYLLABI[syllabus], syllabus < 0 ? null : "SYL" + syllabus, subject);
    }

    AccessQuestion question(Roster roster) {
        DataKind kind = pick(DataKind.values());
        Operation operation = chance(0.7) ? Operation.READ : Operation.WRITE;
        boolean groupLevel = kind.groupContent() && chance(GROUP_LEVEL_SHARE);
        UUID groupId = null;
        if (kind.groupLinked()) {
            groupId = !roster.groups().isEmpty() && chance(0.92) ? pick(roster.groups()).groupId() : UUID.randomUUID();
        }
        // Half the questions come from a classroom: someone in a group asks about a member of it.
        List<MembershipFact> inGroup = new ArrayList<>();
        if (chance(0.6) && !roster.memberships().isEmpty()) {
            MembershipFact seed = pick(roster.memberships());
            // A share of the questions about what an archived group keeps come from one: its owners reading history.
            List<UUID> archived = roster.groups().stream().filter(GroupFact::archived).map(GroupFact::groupId).toList();
            List<MembershipFact> inArchived = roster.memberships().stream()
                    .filter(m -> archived.contains(m.groupId())).toList();
            boolean history = kind == DataKind.POST || kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION;
            if (history && !inArchived.isEmpty() && chance(0.3)) {
                seed = pick(inArchived);
            }
            if (kind.groupLinked()) {
                groupId = seed.groupId();
            }
            for (MembershipFact membership : roster.memberships()) {
                if (membership.groupId().equals(seed.groupId())) {
                    inGroup.add(membership);
                }
            }
        }
        List<MembershipFact> members = inGroup.stream().filter(m -> m.role() == MembershipRole.MEMBER).toList();
        UUID student = inGroup.isEmpty() ? pick(roster.people()).personId()
                : (members.isEmpty() || chance(0.2) ? pick(inGroup) : pick(members)).personId();
        Actor actor;
        if (chance(0.1)) {
            Set<String> permissions = new HashSet<>();
            for (String permission : PERMISSIONS) {
                if (chance(0.3)) {
                    permissions.add(permission);
                }
            }
            actor = Actor.application("integration", chance(0.85) ? TENANTS[0] : TENANTS[1], permissions);
        } else {
            UUID actorId;
            if (chance(0.25)) {
                actorId = student;
            } else if (!inGroup.isEmpty() && chance(0.8)) {
                List<MembershipFact> owners = inGroup.stream().filter(m -> m.role() == MembershipRole.OWNER).toList();
                actorId = (owners.isEmpty() || chance(0.3) ? pick(inGroup) : pick(owners)).personId();
            } else if (chance(kind == DataKind.DEVELOPMENT_TALK || kind == DataKind.TALK_BOOKING ? 0.6 : 0.3) && !roster.guardianLinks().isEmpty()) {
                GuardianLinkFact link = pick(roster.guardianLinks());
                actorId = link.guardianId();
                student = link.childId();
                // Mostly about the child's own group, so that guardians pass the group often enough to matter.
                UUID child = student;
                List<UUID> childsGroups = roster.memberships().stream()
                        .filter(m -> m.personId().equals(child) && m.role() == MembershipRole.MEMBER)
                        .map(MembershipFact::groupId).toList();
                if (kind.groupLinked() && !childsGroups.isEmpty() && chance(0.7)) {
                    groupId = pick(childsGroups);
                }
            } else {
                actorId = pick(roster.people()).personId();
            }
            UUID home = roster.person(actorId).tenantId();
            UUID token = chance(0.97) ? home : TENANTS[0].equals(home) ? TENANTS[1] : TENANTS[0];
            actor = Actor.person(actorId, token);
        }
        // A group-level question is asked by the same people (owners, members, guardians of members), about no one.
        if (groupLevel) {
            student = null;
        }
        ItemFacts item;
        if (kind == DataKind.ASSESSMENT) {
            int known = random.nextInt(SYLLABI.length);
            UUID syllabus = chance(0.95) ? SYLLABI[known] : UUID.randomUUID();
            UUID owner = chance(0.5) ? student : null;
            if (chance(0.2)) {
                // An assessment still to be set names no group.
                item = new ItemFacts(syllabus, chance(0.5), owner);
            } else {
                // Mostly given in a group the student was in (rules S1 to S3 read whether it is earlier).
                UUID child = student;
                List<UUID> studentsGroups = roster.memberships().stream()
                        .filter(m -> m.personId().equals(child) && m.role() == MembershipRole.MEMBER)
                        .map(MembershipFact::groupId).toList();
                UUID given = !studentsGroups.isEmpty() && chance(0.8) ? pick(studentsGroups)
                        : !roster.groups().isEmpty() && chance(0.8) ? pick(roster.groups()).groupId() : UUID.randomUUID();
                UUID subject = chance(0.05) ? null : chance(0.05) ? UUID.randomUUID() : SYLLABUS_SUBJECT[known];
                // An earlier assessment is often asked about by an owner of a teaching group the student is in, about
                // one given in another of the student's groups at that group's school (rule S1).
                UUID biasedSubject = null;
                if (actor instanceof Actor.Person && chance(0.5)) {
                    // (teacher's membership, the student's membership of another group at that group's school)
                    List<MembershipFact[]> pairs = new ArrayList<>();
                    for (MembershipFact teaches : roster.memberships()) {
                        GroupFact taught = group(roster, teaches.groupId());
                        if (teaches.role() != MembershipRole.OWNER || taught.kind() != GroupKind.TEACHING) {
                            continue;
                        }
                        for (MembershipFact member : roster.memberships()) {
                            if (member.role() != MembershipRole.MEMBER || !member.groupId().equals(taught.groupId())) {
                                continue;
                            }
                            for (MembershipFact earlier : roster.memberships()) {
                                if (earlier.role() == MembershipRole.MEMBER && earlier.personId().equals(member.personId())
                                        && !earlier.groupId().equals(taught.groupId())
                                        && group(roster, earlier.groupId()).schoolId().equals(taught.schoolId())) {
                                    pairs.add(new MembershipFact[] {teaches, earlier});
                                }
                            }
                        }
                    }
                    List<MembershipFact[]> earlierPairs = pairs.stream()
                            .filter(pair -> !group(roster, pair[1].groupId()).isUsable() || pair[1].validity().to() != null)
                            .toList();
                    if (!pairs.isEmpty()) {
                        MembershipFact[] pair = !earlierPairs.isEmpty() && chance(0.8) ? pick(earlierPairs) : pick(pairs);
                        actor = Actor.person(pair[0].personId(), roster.person(pair[0].personId()).tenantId());
                        student = pair[1].personId();
                        owner = chance(0.5) ? student : null;
                        given = pair[1].groupId();
                        biasedSubject = group(roster, pair[0].groupId()).subjectId();
                    }
                }
                // An assessment is set in the syllabus of the group it is given in.
                UUID givenIn = given;
                GroupFact givenGroup = roster.groups().stream().filter(g -> g.groupId().equals(givenIn)).findFirst()
                        .orElse(null);
                if (givenGroup != null && givenGroup.syllabusId() != null && chance(0.9)) {
                    syllabus = givenGroup.syllabusId();
                    subject = SYLLABUS_SUBJECT[java.util.Arrays.asList(SYLLABI).indexOf(syllabus)];
                }
                // ... often in the subject of the teacher's own group: another syllabus of it, say.
                if (biasedSubject != null && chance(0.6)) {
                    subject = biasedSubject;
                }
                // Teachers see earlier assessments only when published: an earlier one they are asked about is mostly
                // published, so that rule S1 is allowed often enough to be compared, and still denied as a draft.
                item = new ItemFacts(syllabus, chance(biasedSubject != null ? 0.8 : 0.5), owner, null, false, given, subject);
            }
        } else if (chance(0.2)) {
            item = null;
        } else {
            // A question about talks mostly names one of the roster's talks, sometimes one that does not exist.
            UUID talk = kind != DataKind.DEVELOPMENT_TALK || chance(0.1) ? null
                    : chance(0.9) ? pick(TALKS) : UUID.randomUUID();
            // Now and then an assignment or submission is the student's assessed work (the development overview).
            boolean assessed = student != null && (kind == DataKind.ASSIGNMENT || kind == DataKind.SUBMISSION)
                    && chance(0.35);
            item = assessed ? new ItemFacts(null, true, chance(0.5) ? student : null, null, true)
                    : new ItemFacts(null, chance(0.6), chance(0.3) ? student : null, talk);
            // Assessed work is mostly asked about by an owner of a mentor group the student is in (rule H4), so that
            // the mentor's history is allowed often enough to be compared; a guardian of the student keeps the question
            // (rule H3).
            Actor asking = actor;
            boolean guardianAsks = roster.guardianLinks().stream()
                    .anyMatch(link -> asking instanceof Actor.Person person && link.guardianId().equals(person.personId()));
            if (assessed && actor instanceof Actor.Person && !guardianAsks && chance(0.95)) {
                UUID child = student;
                List<UUID> mentorGroups = roster.groups().stream().filter(g -> g.kind() == GroupKind.MENTOR)
                        .map(GroupFact::groupId).toList();
                List<MembershipFact> mentors = roster.memberships().stream()
                        .filter(m -> m.role() == MembershipRole.OWNER && mentorGroups.contains(m.groupId())
                                && roster.memberships().stream().anyMatch(s -> s.personId().equals(child)
                                        && s.role() == MembershipRole.MEMBER && s.groupId().equals(m.groupId())))
                        .toList();
                if (!mentors.isEmpty()) {
                    MembershipFact mentor = pick(mentors);
                    actor = Actor.person(mentor.personId(), roster.person(mentor.personId()).tenantId());
                    // ... mostly about one of the student's teaching groups at the mentor group's school.
                    UUID school = roster.groups().stream().filter(g -> g.groupId().equals(mentor.groupId()))
                            .findFirst().orElseThrow().schoolId();
                    List<UUID> teachingThere = roster.memberships().stream()
                            .filter(m -> m.personId().equals(child) && m.role() == MembershipRole.MEMBER)
                            .map(MembershipFact::groupId)
                            .filter(g -> roster.groups().stream().anyMatch(t -> t.groupId().equals(g)
                                    && t.kind() == GroupKind.TEACHING && t.schoolId().equals(school)))
                            .toList();
                    if (!teachingThere.isEmpty() && chance(0.8)) {
                        groupId = pick(teachingThere);
                    }
                }
            }
        }
        return new AccessQuestion(actor, student, kind, operation, groupId, item);
    }
}
