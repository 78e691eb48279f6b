package se.klassrum.roster.boundary;

import se.klassrum.access.api.NoStudentData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import se.klassrum.roster.control.ConstraintViolations;
import se.klassrum.roster.entity.GuardianConsent;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.GuardianRelation;
import se.klassrum.roster.entity.Licence;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.Membership;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.Person;
import se.klassrum.roster.entity.RoleKind;
import se.klassrum.roster.entity.RosterEntity;
import se.klassrum.roster.entity.RosterError;
import se.klassrum.roster.entity.RosterException;
import se.klassrum.roster.entity.School;
import se.klassrum.roster.entity.SchoolRole;
import se.klassrum.roster.entity.StudyGroup;
import se.klassrum.roster.entity.Subject;
import se.klassrum.roster.entity.Syllabus;
import se.klassrum.roster.entity.TeacherSubject;
import se.klassrum.roster.entity.Tenant;
import se.klassrum.roster.entity.Validity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one way to change the roster: for admins, importers and the demo data.
 * <p>
 * Every method runs in a transaction and either makes its whole change or none of it. A refused change
 * throws {@link RosterException} with a code and a message in Swedish and English: an unknown id, a broken
 * rule of the domain, or a duplicate. Duplicates of the usual natural keys are looked for before the
 * insert; every other constraint of the database is caught at the flush that each method ends with, so
 * that the violation surfaces here, with a code, rather than as a bare error at commit.
 * <p>
 * Every {@code create}/{@code add}/{@code link}/{@code grant}/{@code assign} method takes the id of the new
 * row first; {@code null} means a new random id. The id is returned.
 */
@ApplicationScoped
@Transactional
@NoStudentData("writes roster facts for the importers and the demo data; no endpoint exposes it, and one that does "
        + "must first authorise a school administrator of the tenant")
public class RosterAdministration {

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    /** For CDI, which needs a no-argument constructor to make its proxy. */
    protected RosterAdministration() {
    }

    /** For tests outside a container, which must then begin and end the transactions themselves. */
    RosterAdministration(EntityManager em) {
        this.em = em;
    }

    public UUID createTenant(UUID id, UUID entraTenantId, String name) {
        requireUnused(Tenant.class, id);
        Tenant tenant = new Tenant(id, entraTenantId, name);
        Map<String, Object> args = args("entraTenantId", tenant.entraTenantId());
        if (count("select count(t) from Tenant t where t.entraTenantId = ?1", tenant.entraTenantId()) > 0) {
            throw new RosterException(RosterError.DUPLICATE_ENTRA_TENANT_ID, args);
        }
        return insert(tenant, args);
    }

    /**
     * @param schoolUnitCode the skolenhetskod (eight digits), or {@code null}
     * @param externalId     the school's id in the student register, or {@code null}
     */
    public UUID createSchool(UUID id, UUID tenantId, String name, String schoolUnitCode, String externalId) {
        requireUnused(School.class, id);
        School school = new School(id, tenant(tenantId), name, schoolUnitCode, externalId);
        return insert(school, args(
                "externalId", school.externalId().orElse(null),
                "schoolUnitCode", school.schoolUnitCode().orElse(null)));
    }

    public UUID createPerson(UUID id, UUID tenantId, NewPerson details) {
        requireUnused(Person.class, id);
        Tenant tenant = tenant(tenantId);
        require(details, "person");
        Person person = new Person(id, tenant, details.externalId(), details.givenName(), details.familyName());
        person.linkEntraAccount(details.entraObjectId());
        person.changeEmail(details.email());
        person.recordBirthDate(details.birthDate());
        if (details.securityMarking() != null) {
            person.changeSecurityMarking(details.securityMarking());
        }
        Map<String, Object> args = args(
                "externalId", person.externalId(),
                "entraObjectId", person.entraObjectId().orElse(null));
        if (count("select count(p) from Person p where p.tenant.id = ?1 and p.externalId = ?2",
                tenant.id(), person.externalId()) > 0) {
            throw new RosterException(RosterError.DUPLICATE_EXTERNAL_ID, args);
        }
        return insert(person, args);
    }

    public UUID grantLicence(UUID id, UUID personId, LicenceKind kind, Validity validity) {
        requireUnused(Licence.class, id);
        Licence licence = new Licence(id, person(personId), kind, validity);
        return insert(licence, args(
                "person", licence.person().displayName(), "licence", kind, "validFrom", validity.validFrom()));
    }

    public UUID assignRole(UUID id, UUID personId, UUID schoolId, RoleKind role, Validity validity) {
        requireUnused(SchoolRole.class, id);
        SchoolRole schoolRole = new SchoolRole(id, person(personId), school(schoolId), role, validity);
        return insert(schoolRole, args(
                "person", schoolRole.person().displayName(), "role", role,
                "school", schoolRole.school().name(), "validFrom", validity.validFrom()));
    }

    /** @param lastDay the last day on which the person still holds the role */
    public void endRole(UUID schoolRoleId, LocalDate lastDay) {
        update(existing(SchoolRole.class, schoolRoleId, RosterError.UNKNOWN_SCHOOL_ROLE), role -> role.endOn(lastDay));
    }

    /** @param code e.g. "MAT", unique in the organisation */
    public UUID createSubject(UUID id, UUID tenantId, String code, String name) {
        requireUnused(Subject.class, id);
        Subject subject = new Subject(id, tenant(tenantId), code, name);
        Map<String, Object> args = args("code", subject.code());
        if (count("select count(s) from Subject s where s.tenant.id = ?1 and s.code = ?2",
                subject.tenant().id(), subject.code()) > 0) {
            throw new RosterException(RosterError.DUPLICATE_SUBJECT_CODE, args);
        }
        return insert(subject, args);
    }

    /** @param code the course code, e.g. "MATMAT01c", unique in the organisation */
    public UUID createSyllabus(UUID id, UUID subjectId, String code, String name) {
        requireUnused(Syllabus.class, id);
        Syllabus syllabus = new Syllabus(id, existing(Subject.class, subjectId, RosterError.UNKNOWN_SUBJECT), code, name);
        Map<String, Object> args = args("code", syllabus.code());
        if (count("select count(s) from Syllabus s where s.tenant.id = ?1 and s.code = ?2",
                syllabus.tenant().id(), syllabus.code()) > 0) {
            throw new RosterException(RosterError.DUPLICATE_SYLLABUS_CODE, args);
        }
        return insert(syllabus, args);
    }

    /** The new group is not connected yet; see {@link #connectGroup}. */
    public UUID createGroup(UUID id, UUID schoolId, NewGroup details) {
        requireUnused(StudyGroup.class, id);
        School school = school(schoolId);
        require(details, "group");
        StudyGroup group = new StudyGroup(id, school, details.kind(), details.name(), details.schoolYear());
        group.recordExternalId(details.externalId());
        group.linkMicrosoftGroup(details.microsoftGroupId());
        return insert(group, args(
                "externalId", group.externalId().orElse(null),
                "microsoftGroupId", group.microsoftGroupId().orElse(null)));
    }

    public void connectGroup(UUID groupId) {
        update(group(groupId), StudyGroup::connect);
    }

    public void disconnectGroup(UUID groupId) {
        update(group(groupId), StudyGroup::disconnect);
    }

    /** Final: an archived group cannot be connected or changed again. */
    public void archiveGroup(UUID groupId) {
        update(group(groupId), StudyGroup::archive);
    }

    /** Only for a teaching group, and only with a syllabus of the same organisation. */
    public void linkSyllabus(UUID groupId, UUID syllabusId) {
        StudyGroup group = group(groupId);
        Syllabus syllabus = existing(Syllabus.class, syllabusId, RosterError.UNKNOWN_SYLLABUS);
        if (!syllabus.tenant().id().equals(group.tenant().id())) {
            // Another organisation's syllabus is answered as one that does not exist: nobody probes other tenants' ids.
            throw RosterException.of(RosterError.UNKNOWN_SYLLABUS, "id", syllabusId);
        }
        update(group, g -> g.linkSyllabus(syllabus));
    }

    public void unlinkSyllabus(UUID groupId) {
        update(group(groupId), StudyGroup::unlinkSyllabus);
    }

    public UUID addMembership(UUID id, UUID groupId, UUID personId, MembershipRole role, Validity validity) {
        requireUnused(Membership.class, id);
        Membership membership = new Membership(id, group(groupId), person(personId), role, validity);
        return insert(membership, args(
                "person", membership.person().displayName(), "role", role,
                "group", membership.group().name(), "validFrom", validity.validFrom()));
    }

    /** @param lastDay the last day on which the person is still in the group */
    public void endMembership(UUID membershipId, LocalDate lastDay) {
        update(existing(Membership.class, membershipId, RosterError.UNKNOWN_MEMBERSHIP), m -> m.endOn(lastDay));
    }

    public UUID linkTeacherSubject(UUID id, UUID teacherId, UUID schoolId, UUID subjectId) {
        requireUnused(TeacherSubject.class, id);
        TeacherSubject link = new TeacherSubject(id, person(teacherId), school(schoolId),
                existing(Subject.class, subjectId, RosterError.UNKNOWN_SUBJECT));
        return insert(link, args(
                "teacher", link.teacher().displayName(), "subject", link.subject().code(),
                "school", link.school().name()));
    }

    /** Removes a teacher's subject link; the teacher's very next assessment in that subject is judged without it. */
    public void unlinkTeacherSubject(UUID linkId) {
        TeacherSubject link = existing(TeacherSubject.class, linkId, RosterError.UNKNOWN_SUBJECT);
        em.remove(link);
        flush(Map.of());
    }

    /** The new link is active and ends at the child's 18th birthday. */
    public UUID linkGuardian(UUID id, UUID guardianId, UUID childId, GuardianRelation relation, Validity validity) {
        requireUnused(GuardianLink.class, id);
        GuardianLink link = new GuardianLink(id, person(guardianId), person(childId), relation, validity);
        return insert(link, args(
                "guardian", link.guardian().displayName(), "child", link.child().displayName(),
                "relation", relation, "validFrom", validity.validFrom()));
    }

    public void deactivateGuardianLink(UUID linkId) {
        update(guardianLink(linkId), GuardianLink::deactivate);
    }

    /** Switches a deactivated link on again; it still ends at the child's 18th birthday unless the student consented. */
    public void reactivateGuardianLink(UUID linkId) {
        update(guardianLink(linkId), GuardianLink::reactivate);
    }

    /**
     * Records an adult student's consent that the guardian of the link keeps access (A2); refused as
     * {@link GuardianLink#recordConsent} says.
     */
    public GuardianConsent recordGuardianConsent(UUID linkId, LocalDate consentDate, LocalDate today,
                                                 OffsetDateTime at, GuardianConsent.Recorder by) {
        GuardianLink link = guardianLink(linkId);
        GuardianConsent consent = link.recordConsent(consentDate, today, at, by);
        insert(consent, args("child", link.child().displayName(), "guardian", link.guardian().displayName()));
        return consent;
    }

    /** Withdraws the student's consent: the link ends at once and for good (A2). */
    public GuardianConsent withdrawGuardianConsent(UUID linkId, OffsetDateTime at, GuardianConsent.Recorder by) {
        GuardianLink link = guardianLink(linkId);
        GuardianConsent consent = link.withdrawConsent(at, by);
        flush(Map.of());
        return consent;
    }

    /**
     * Gives a guardian a login to the guardian portal; the new login is enabled.
     *
     * @param subject the identity provider's subject claim, or the e-mail address (stored in lower case)
     */
    public UUID addGuardianLogin(UUID id, UUID personId, GuardianLoginMethod method, String subject) {
        requireUnused(GuardianLogin.class, id);
        GuardianLogin login = new GuardianLogin(id, person(personId), method, subject);
        Map<String, Object> args = args("subject", login.subject(), "method", method);
        if (count("select count(l) from GuardianLogin l where l.tenant.id = ?1 and l.method = ?2 and l.subject = ?3",
                login.tenant().id(), method, login.subject()) > 0) {
            throw new RosterException(RosterError.DUPLICATE_GUARDIAN_LOGIN, args);
        }
        return insert(login, args);
    }

    public void enableGuardianLogin(UUID loginId) {
        update(guardianLogin(loginId), GuardianLogin::enable);
    }

    /** The guardian's very next request is judged without it. */
    public void disableGuardianLogin(UUID loginId) {
        update(guardianLogin(loginId), GuardianLogin::disable);
    }

    private Tenant tenant(UUID id) {
        return existing(Tenant.class, id, RosterError.UNKNOWN_TENANT);
    }

    private School school(UUID id) {
        return existing(School.class, id, RosterError.UNKNOWN_SCHOOL);
    }

    private Person person(UUID id) {
        return existing(Person.class, id, RosterError.UNKNOWN_PERSON);
    }

    private StudyGroup group(UUID id) {
        return existing(StudyGroup.class, id, RosterError.UNKNOWN_GROUP);
    }

    private GuardianLink guardianLink(UUID id) {
        return existing(GuardianLink.class, id, RosterError.UNKNOWN_GUARDIAN_LINK);
    }

    private GuardianLogin guardianLogin(UUID id) {
        return existing(GuardianLogin.class, id, RosterError.UNKNOWN_GUARDIAN_LOGIN);
    }

    private <T> T existing(Class<T> type, UUID id, RosterError unknown) {
        T found = id == null ? null : em.find(type, id);
        if (found == null) {
            throw RosterException.of(unknown, "id", id);
        }
        return found;
    }

    private void requireUnused(Class<? extends RosterEntity> type, UUID id) {
        if (id != null && em.find(type, id) != null) {
            throw RosterException.of(RosterError.DUPLICATE_ID, "id", id);
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw RosterException.of(RosterError.VALUE_REQUIRED, "field", field);
        }
    }

    private long count(String jpql, Object... parameters) {
        var query = em.createQuery(jpql, Long.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getSingleResult();
    }

    private UUID insert(RosterEntity entity, Map<String, Object> args) {
        em.persist(entity);
        flush(args);
        return entity.id();
    }

    private <T> void update(T entity, Consumer<T> change) {
        change.accept(entity);
        flush(Map.of());
    }

    // Flushing here, not at commit, lets a violated constraint be explained while we still know the values.
    private void flush(Map<String, Object> args) {
        try {
            em.flush();
        } catch (PersistenceException failure) {
            throw ConstraintViolations.explain(failure, args).orElseThrow(() -> failure);
        }
    }

    // Map.of refuses null values, and absent values (no Entra account, no external id) are common.
    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
    }
}
