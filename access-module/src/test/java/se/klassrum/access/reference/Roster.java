package se.klassrum.access.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.AccessQuestion;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.ArchivedGroupStudentFact;
import se.klassrum.access.api.MembershipRole;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.access.api.GroupFact;
import se.klassrum.access.api.GuardianLinkFact;
import se.klassrum.access.api.MembershipFact;
import se.klassrum.access.api.PersonFacts;
import se.klassrum.access.api.TeacherSubjectFact;

/** A whole small roster (both tenants), as the student register would hold it. */
record Roster(LocalDate today,
              List<PersonFacts> people,
              List<GroupFact> groups,
              List<MembershipFact> memberships,
              List<TeacherSubjectFact> teacherSubjects,
              List<GuardianLinkFact> guardianLinks,
              List<Invitation> invitations) {

    /** A development talk names this guardian among those it invites. */
    record Invitation(UUID talkId, UUID guardianId) {
    }

    Roster {
        people = List.copyOf(people);
        groups = List.copyOf(groups);
        memberships = List.copyOf(memberships);
        teacherSubjects = List.copyOf(teacherSubjects);
        guardianLinks = List.copyOf(guardianLinks);
        invitations = List.copyOf(invitations);
    }

    PersonFacts person(UUID id) {
        for (PersonFacts person : people) {
            if (person.personId().equals(id)) {
                return person;
            }
        }
        throw new IllegalStateException("no person " + id);
    }

    /**
     * The selection an adapter makes for one question, per the contract of {@link AccessFacts}; with no
     * student for a group-level question, and the guardians invited to the question's development talk.
     */
    AccessFacts snapshotFor(AccessQuestion question) {
        UUID actorId = question.actor() instanceof Actor.Person person ? person.personId() : null;
        UUID studentId = question.studentId();
        Set<UUID> involved = new HashSet<>();
        if (studentId != null) {
            involved.add(studentId);
        }
        if (actorId != null) {
            involved.add(actorId);
        }
        List<MembershipFact> selected = new ArrayList<>();
        Set<UUID> groupIds = new HashSet<>();
        for (MembershipFact membership : memberships) {
            if (involved.contains(membership.personId())) {
                selected.add(membership);
                groupIds.add(membership.groupId());
            }
        }
        if (question.groupId() != null) {
            groupIds.add(question.groupId());
        }
        if (question.item() != null && question.item().assessmentGroupId() != null) {
            groupIds.add(question.item().assessmentGroupId());
        }
        Map<UUID, GroupFact> selectedGroups = new LinkedHashMap<>();
        for (GroupFact group : groups) {
            if (groupIds.contains(group.groupId())) {
                selectedGroups.put(group.groupId(), group);
            }
        }
        List<TeacherSubjectFact> subjects = new ArrayList<>();
        List<GuardianLinkFact> links = new ArrayList<>();
        if (actorId != null) {
            for (TeacherSubjectFact subject : teacherSubjects) {
                if (subject.teacherId().equals(actorId)) {
                    subjects.add(subject);
                }
            }
            for (GuardianLinkFact link : guardianLinks) {
                if (link.guardianId().equals(actorId) && link.childId().equals(studentId)) {
                    links.add(link);
                }
            }
        }
        UUID talk = question.item() == null ? null : question.item().talkId();
        Set<UUID> invited = new HashSet<>();
        for (Invitation invitation : invitations) {
            if (invitation.talkId().equals(talk)) {
                invited.add(invitation.guardianId());
            }
        }
        // The students of the question's group when it is archived: its MEMBERs, with their STUDENT roles at its school.
        List<ArchivedGroupStudentFact> archivedGroupStudents = new ArrayList<>();
        GroupFact questionGroup = question.groupId() == null ? null : selectedGroups.get(question.groupId());
        if (questionGroup != null && questionGroup.archived()) {
            for (MembershipFact membership : memberships) {
                if (membership.groupId().equals(questionGroup.groupId()) && membership.role() == MembershipRole.MEMBER) {
                    PersonFacts member = people.stream().filter(p -> p.personId().equals(membership.personId()))
                            .findFirst().orElse(null);
                    for (se.klassrum.access.api.RoleFact role : member == null ? List.<se.klassrum.access.api.RoleFact>of()
                            : member.roles()) {
                        if (role.role() == SchoolRoleKind.STUDENT && role.schoolId().equals(questionGroup.schoolId())) {
                            archivedGroupStudents.add(new ArchivedGroupStudentFact(questionGroup.groupId(),
                                    membership.personId(), membership.validity().from(), role.validity()));
                        }
                    }
                }
            }
        }
        return new AccessFacts(actorId == null ? null : person(actorId), studentId == null ? null : person(studentId),
                selectedGroups, selected, subjects, links, Map.of(), invited, archivedGroupStudents);
    }

    Roster withPeople(List<PersonFacts> people) {
        return new Roster(today, people, groups, memberships, teacherSubjects, guardianLinks, invitations);
    }

    Roster withGroups(List<GroupFact> groups) {
        return new Roster(today, people, groups, memberships, teacherSubjects, guardianLinks, invitations);
    }

    Roster withMemberships(List<MembershipFact> memberships) {
        return new Roster(today, people, groups, memberships, teacherSubjects, guardianLinks, invitations);
    }

    Roster withTeacherSubjects(List<TeacherSubjectFact> teacherSubjects) {
        return new Roster(today, people, groups, memberships, teacherSubjects, guardianLinks, invitations);
    }

    Roster withGuardianLinks(List<GuardianLinkFact> guardianLinks) {
        return new Roster(today, people, groups, memberships, teacherSubjects, guardianLinks, invitations);
    }

    String describe() {
        StringBuilder out = new StringBuilder("today ").append(today).append('\n');
        people.forEach(p -> out.append("  ").append(p).append('\n'));
        groups.forEach(g -> out.append("  ").append(g).append('\n'));
        memberships.forEach(m -> out.append("  ").append(m).append('\n'));
        teacherSubjects.forEach(t -> out.append("  ").append(t).append('\n'));
        guardianLinks.forEach(l -> out.append("  ").append(l).append('\n'));
        invitations.forEach(i -> out.append("  ").append(i).append('\n'));
        return out.toString();
    }
}
