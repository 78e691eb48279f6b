package se.klassrum.access.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessPath;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.ArchivedGroupStudentFact;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.Decision;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GroupKind;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.ItemFacts;
import se.klassrum.access.api.LicenceFact;
import se.klassrum.access.api.LicenceKind;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.Operation;
import se.klassrum.access.api.PathEvaluation;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.Prerequisite;
import se.klassrum.access.api.PrerequisiteCheck;
import se.klassrum.access.api.RoleFact;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.TeacherSubjectFact;
import se.klassrum.access.api.Validity;

/**
 * A small roster built fluently for tests, and the adapter that turns it into the snapshot one decision
 * reads (the same selection a database adapter makes).
 */
final class World {

    static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID OTHER_TENANT = UUID.fromString("00000000-0000-0000-0000-00000000a002");

    final LocalDate today;
    private final AccessRules rules = new AccessRules();
    private final List<Person> people = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<MembershipFact> memberships = new ArrayList<>();
    private final List<TeacherSubjectFact> teacherSubjects = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<UUID, String> schoolNames = new LinkedHashMap<>();
    /** The development talks held so far, each with the guardians it invites. */
    private final Map<UUID, Set<UUID>> talks = new LinkedHashMap<>();

    private World(LocalDate today) {
        this.today = today;
    }

    static World on(LocalDate today) {
        return new World(today);
    }

    record School(UUID id, String name) {
    }

    record Syllabus(UUID id, String code, UUID subjectId) {
        static Syllabus of(String code, UUID subjectId) {
            return new Syllabus(UUID.randomUUID(), code, subjectId);
        }
    }

    School school(String name) {
        School school = new School(UUID.randomUUID(), name);
        schoolNames.put(school.id(), name);
        return school;
    }

    Person person(String name) {
        Person person = new Person(name);
        people.add(person);
        return person;
    }

    Group teachingGroup(String name, School school) {
        return group(name, school, GroupKind.TEACHING);
    }

    Group mentorGroup(String name, School school) {
        return group(name, school, GroupKind.MENTOR);
    }

    private Group group(String name, School school, GroupKind kind) {
        Group group = new Group(name, school, kind);
        groups.add(group);
        return group;
    }

    Link guardianLink(Person guardian, Person child) {
        Link link = new Link(guardian, child);
        links.add(link);
        return link;
    }

    /** A development talk that invites these guardians (perhaps none); its id, for a question about it. */
    UUID talkInviting(Person... guardians) {
        UUID talk = UUID.randomUUID();
        Set<UUID> invited = new java.util.LinkedHashSet<>();
        for (Person guardian : guardians) {
            invited.add(guardian.id);
        }
        talks.put(talk, invited);
        return talk;
    }

    Validity until(LocalDate to) {
        return new Validity(null, to);
    }

    Validity from(LocalDate from) {
        return new Validity(from, null);
    }

    final class Person {
        final UUID id = UUID.randomUUID();
        final String name;
        UUID tenant = TENANT;
        final List<LicenceFact> licences = new ArrayList<>();
        final List<RoleFact> roles = new ArrayList<>();
        boolean protectedIdentity;
        boolean guardianLogin;
        LocalDate birthDate;

        private Person(String name) {
            this.name = name;
        }

        Person teacherLicence() {
            return licence(LicenceKind.TEACHER, Validity.ALWAYS);
        }

        Person studentLicence() {
            return licence(LicenceKind.STUDENT, Validity.ALWAYS);
        }

        Person licence(LicenceKind kind, Validity validity) {
            licences.add(new LicenceFact(kind, validity));
            return this;
        }

        Person role(School school, SchoolRoleKind role) {
            return role(school, role, Validity.ALWAYS);
        }

        Person role(School school, SchoolRoleKind role, Validity validity) {
            roles.add(new RoleFact(school.id(), role, validity));
            return this;
        }

        Person subject(School school, UUID subjectId) {
            teacherSubjects.add(new TeacherSubjectFact(id, school.id(), subjectId));
            return this;
        }

        Person inTenant(UUID tenant) {
            this.tenant = tenant;
            return this;
        }

        Person protectedIdentity() {
            this.protectedIdentity = true;
            return this;
        }

        Person guardianLogin() {
            this.guardianLogin = true;
            return this;
        }

        Person born(LocalDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        PersonFacts facts() {
            return new PersonFacts(id, tenant, licences, roles, protectedIdentity, guardianLogin, birthDate);
        }

        /** A teacher, or student, who meets every personal prerequisite at the school. */
        Person teacherAt(School school) {
            return teacherLicence().role(school, SchoolRoleKind.TEACHER);
        }

        Person mentorAt(School school) {
            return teacherLicence().role(school, SchoolRoleKind.MENTOR);
        }

        Person studentAt(School school) {
            return studentLicence().role(school, SchoolRoleKind.STUDENT);
        }

        Question asks() {
            return new Question(Actor.person(id, tenant), this);
        }

        /** Asks as signed in through a guardian login (the guardian portal). */
        Question asksThroughGuardianLogin() {
            return new Question(Actor.guardian(id, tenant), this);
        }
    }

    final class Group {
        final UUID id = UUID.randomUUID();
        final String name;
        final School school;
        final GroupKind kind;
        UUID tenant = TENANT;
        boolean connected = true;
        boolean archived;
        Syllabus syllabus;

        private Group(String name, School school, GroupKind kind) {
            this.name = name;
            this.school = school;
            this.kind = kind;
        }

        Group syllabus(Syllabus syllabus) {
            this.syllabus = syllabus;
            return this;
        }

        Group disconnected() {
            this.connected = false;
            return this;
        }

        Group archived() {
            this.archived = true;
            return this;
        }

        Group inTenant(UUID tenant) {
            this.tenant = tenant;
            return this;
        }

        Group owner(Person person) {
            return owner(person, Validity.ALWAYS);
        }

        Group owner(Person person, Validity validity) {
            memberships.add(new MembershipFact(id, person.id, MembershipRole.OWNER, validity));
            return this;
        }

        Group member(Person person) {
            return member(person, Validity.ALWAYS);
        }

        Group member(Person person, Validity validity) {
            memberships.add(new MembershipFact(id, person.id, MembershipRole.MEMBER, validity));
            return this;
        }

        /** Ends the person's memberships of the group on their last day. */
        Group leave(Person person, LocalDate lastDay) {
            memberships.replaceAll(m -> m.groupId().equals(id) && m.personId().equals(person.id)
                    ? new MembershipFact(id, person.id, m.role(), new Validity(m.validity().from(), lastDay))
                    : m);
            return this;
        }

        GroupFact facts() {
            return new GroupFact(id, tenant, school.id(), name, kind, connected, archived,
                    syllabus == null ? null : syllabus.id(), syllabus == null ? null : syllabus.code(),
                    syllabus == null ? null : syllabus.subjectId());
        }
    }

    final class Link {
        final Person guardian;
        final Person child;
        boolean active = true;
        GuardianLinkFact.Consent consent = GuardianLinkFact.Consent.NONE;
        Validity validity = Validity.ALWAYS;

        private Link(Person guardian, Person child) {
            this.guardian = guardian;
            this.child = child;
        }

        Link inactive() {
            this.active = false;
            return this;
        }

        /** The student, 18 or older, consented to the guardian keeping access, and the school recorded it (A2). */
        Link consentRecorded() {
            this.consent = GuardianLinkFact.Consent.RECORDED;
            return this;
        }

        /** The student withdrew a recorded consent: the link has ended for good (A2). */
        Link consentWithdrawn() {
            this.consent = GuardianLinkFact.Consent.WITHDRAWN;
            return this;
        }

        Link valid(Validity validity) {
            this.validity = validity;
            return this;
        }
    }

    Question application(UUID tenant, String... permissions) {
        return new Question(Actor.application("sis-sync", tenant, Set.of(permissions)), null);
    }

    final class Question {
        private final Actor actor;
        private final Person actorPerson;
        private Operation operation = Operation.READ;
        private DataKind kind;
        private Person student;
        private UUID groupId;
        private ItemFacts item;

        private Question(Actor actor, Person actorPerson) {
            this.actor = actor;
            this.actorPerson = actorPerson;
        }

        Question toRead(DataKind kind) {
            this.operation = Operation.READ;
            this.kind = kind;
            return this;
        }

        Question toWrite(DataKind kind) {
            this.operation = Operation.WRITE;
            this.kind = kind;
            return this;
        }

        Question of(Person student) {
            this.student = student;
            return this;
        }

        /** A group-level question: the posts or assignments of the group as a whole, about no student. */
        Question aboutGroup(Group group) {
            this.student = null;
            this.groupId = group.id;
            return this;
        }

        /** A group-level question about a group id the roster may not know. */
        Question aboutGroupId(UUID groupId) {
            this.student = null;
            this.groupId = groupId;
            return this;
        }

        Question in(Group group) {
            this.groupId = group.id;
            return this;
        }

        Question inGroupId(UUID groupId) {
            this.groupId = groupId;
            return this;
        }

        Question item(ItemFacts item) {
            this.item = item;
            return this;
        }

        /** A question about one development talk. */
        Question talk(UUID talkId) {
            return item(ItemFacts.talk(talkId));
        }

        Question assessment(Syllabus syllabus, boolean published) {
            return item(ItemFacts.assessment(syllabus.id(), published));
        }

        /** An assessment in the syllabus, given in the group (rules S1 to S3 read whether that group is earlier). */
        Question assessment(Syllabus syllabus, Group givenIn, boolean published) {
            return item(ItemFacts.assessment(syllabus.id(), syllabus.subjectId(), givenIn.id, published));
        }

        AccessQuestion question() {
            return new AccessQuestion(actor, student == null ? null : student.id, kind, operation, groupId, item);
        }

        Decision decide() {
            return rules.decide(question(), snapshot(actorPerson, student, groupId, item == null ? null : item.talkId(),
                    item == null ? null : item.assessmentGroupId()), today);
        }
    }

    /**
     * What a database adapter selects for one decision: see {@link AccessFacts}.
     *
     * @param student null for a group-level question
     */
    AccessFacts snapshot(Person actor, Person student, UUID questionGroup) {
        return snapshot(actor, student, questionGroup, null);
    }

    /**
     * @param talk the development talk asked about, whose invited guardians the snapshot then holds; or null
     */
    AccessFacts snapshot(Person actor, Person student, UUID questionGroup, UUID talk) {
        return snapshot(actor, student, questionGroup, talk, null);
    }

    /** @param assessmentGroup the group the assessment asked about was given in, which the snapshot then holds; or null */
    AccessFacts snapshot(Person actor, Person student, UUID questionGroup, UUID talk, UUID assessmentGroup) {
        Set<UUID> involved = new java.util.HashSet<>();
        if (student != null) {
            involved.add(student.id);
        }
        if (actor != null) {
            involved.add(actor.id);
        }
        List<MembershipFact> selected = new ArrayList<>();
        Map<UUID, GroupFact> selectedGroups = new LinkedHashMap<>();
        for (MembershipFact membership : memberships) {
            if (involved.contains(membership.personId())) {
                selected.add(membership);
            }
        }
        for (Group group : groups) {
            boolean referenced = group.id.equals(questionGroup) || group.id.equals(assessmentGroup);
            for (MembershipFact membership : selected) {
                referenced |= membership.groupId().equals(group.id);
            }
            if (referenced) {
                selectedGroups.put(group.id, group.facts());
            }
        }
        List<TeacherSubjectFact> subjects = new ArrayList<>();
        List<GuardianLinkFact> guardianLinks = new ArrayList<>();
        if (actor != null) {
            for (TeacherSubjectFact subject : teacherSubjects) {
                if (subject.teacherId().equals(actor.id)) {
                    subjects.add(subject);
                }
            }
            for (Link link : links) {
                if (student != null && link.guardian == actor && link.child == student) {
                    guardianLinks.add(new GuardianLinkFact(actor.id, student.id, link.active,
                            link.consent, link.validity));
                }
            }
        }
        return new AccessFacts(actor == null ? null : actor.facts(), student == null ? null : student.facts(),
                selectedGroups, selected,
                subjects, guardianLinks, schoolNames, talk == null ? Set.of() : talks.getOrDefault(talk, Set.of()),
                archivedGroupStudents(questionGroup));
    }

    /** The members of the question's group, when it is archived, with their STUDENT roles at its school. */
    private List<ArchivedGroupStudentFact> archivedGroupStudents(UUID questionGroup) {
        List<ArchivedGroupStudentFact> found = new ArrayList<>();
        for (Group group : groups) {
            if (!group.id.equals(questionGroup) || !group.archived) {
                continue;
            }
            for (MembershipFact membership : memberships) {
                if (!membership.groupId().equals(group.id) || membership.role() != MembershipRole.MEMBER) {
                    continue;
                }
                for (Person person : people) {
                    if (!person.id.equals(membership.personId())) {
                        continue;
                    }
                    for (RoleFact role : person.roles) {
                        if (role.role() == SchoolRoleKind.STUDENT && role.schoolId().equals(group.school.id())) {
                            found.add(new ArchivedGroupStudentFact(group.id, person.id, membership.validity().from(),
                                    role.validity()));
                        }
                    }
                }
            }
        }
        return found;
    }

    static PathEvaluation path(Decision decision, AccessPath path) {
        for (PathEvaluation evaluation : decision.paths()) {
            if (evaluation.path() == path) {
                return evaluation;
            }
        }
        throw new AssertionError(path + " was not tried");
    }

    /** The last check with this code on the path (the group check, where a code is checked twice). */
    static PrerequisiteCheck check(Decision decision, AccessPath path, Prerequisite code) {
        PrerequisiteCheck found = null;
        for (PrerequisiteCheck check : path(decision, path).checks()) {
            if (check.code() == code) {
                found = check;
            }
        }
        if (found == null) {
            throw new AssertionError(code + " was not checked on " + path);
        }
        return found;
    }
}
