package se.klassrum.guardian.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.NoStudentData;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.audit.AuditRecord;
import se.klassrum.access.boundary.AccessGuard;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.guardian.control.GuardianOnly;
import se.klassrum.roster.boundary.RosterAdministration;
import se.klassrum.roster.boundary.StudentSearch;
import se.klassrum.roster.entity.GuardianConsent;
import se.klassrum.roster.entity.GuardianLink;
import se.klassrum.roster.entity.GuardianLogin;
import se.klassrum.roster.entity.GuardianLoginMethod;
import se.klassrum.roster.entity.Person;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the school or organiser administers about guardians: whether e-mail and identity-provider sign-in
 * are on for the organisation, each guardian's logins, and an adult student's consent that a guardian keeps access
 * after the 18th birthday, recorded and withdrawn (audited, since it decides a guardian's access to an adult's
 * information; TRANSITIONS.md, A2). Only for integrations
 * holding {@value #PERMISSION} (their whole tenant) and school administrators, who administer the logins and links
 * of guardians whose children have a role at a school where they hold the SCHOOL_ADMIN role. Creating, enabling
 * and disabling a login are audited with the real caller.
 */
@ApplicationScoped
@Transactional
@NoStudentData("administers guardian sign-in and links of the caller's own organisation; authorised by Administrators "
        + "and audited; returns no student data")
public class GuardianAdministration {

    public static final String PERMISSION = "GuardianLogin.ReadWrite.All";

    @PersistenceContext(unitName = "klassrum")
    EntityManager em;

    @Inject
    Administrators administrators;

    @Inject
    GuardianLoginPolicies policies;

    @Inject
    AccessGuard guard;

    @Inject
    AuditLog audit;

    @Inject
    RosterAdministration roster;

    @Inject
    GuardianSessions sessions;

    @Inject
    StudentSearch search;

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    /**
     * Switches the organiser's e-mail and identity-provider sign-in on or off. Switching a method off ends the
     * open sessions of every login of that method at once.
     */
    public LoginPolicy setPolicy(boolean emailEnabled, boolean idpEnabled) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        policies.setEmailLogin(tenant, emailEnabled);
        LoginPolicy policy = policies.setIdpLogin(tenant, idpEnabled);
        if (!emailEnabled) {
            sessions.endSessionsOf(tenant, GuardianLoginMethod.EMAIL);
        }
        if (!idpEnabled) {
            sessions.endSessionsOf(tenant, GuardianLoginMethod.IDP);
        }
        return policy;
    }

    public LoginPolicy policy() {
        return policies.policyOf(administrators.requireAdministrator(PERMISSION));
    }

    /**
     * Gives a guardian a login: an e-mail address, or an identity provider's subject. A school administrator only for a
     * guardian of a child at a school they administer (else not found, as for an unknown id, before anything else is
     * said of the person); only for a person who is a guardian and nothing else (refused as
     * {@link GuardianAdministrationRefused.Reason#NOT_A_GUARDIAN}). Refused with a
     * clear message when the same login exists or the address is malformed. Audited in each child's log.
     */
    public UUID addLogin(UUID guardianId, GuardianLoginMethod method, String subject) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        Person guardian = guardianId == null ? null : em.find(Person.class, guardianId);
        if (guardian == null || !guardian.tenant().id().equals(tenant)) {
            throw new StudentDataNotFoundException();
        }
        // The administrator first: what a person is (a student, staff) is told only about a guardian of their students.
        Actor admin = requireAdministratorOfGuardian(guardianId);
        if (!GuardianOnly.isGuardianOnly(em, guardianId, guard.today())) {
            throw new GuardianAdministrationRefused(GuardianAdministrationRefused.Reason.NOT_A_GUARDIAN);
        }
        UUID login = roster.addGuardianLogin(null, guardianId, method, subject);
        auditLogin(admin, tenant, guardianId, "CREATE_LOGIN");
        return login;
    }

    /**
     * Switches one guardian login on or off, for a school administrator only a login of a guardian of a child at a
     * school they administer. Switching off ends the login's open sessions at once. Audited in each child's log.
     */
    public void setLoginEnabled(UUID loginId, boolean enabled) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        GuardianLogin login = loginId == null ? null : em.find(GuardianLogin.class, loginId);
        if (login == null || !login.tenant().id().equals(tenant)) {
            throw new StudentDataNotFoundException();
        }
        Actor admin = requireAdministratorOfGuardian(login.guardian().id());
        if (enabled) {
            login.enable();
        } else {
            login.disable();
            sessions.endSessionsOfLogin(login.id());
        }
        em.flush();
        auditLogin(admin, tenant, login.guardian().id(), enabled ? "ENABLE_LOGIN" : "DISABLE_LOGIN");
    }

    /**
     * Records an adult student's consent that the guardian of the link keeps access after the 18th birthday (A2), with
     * the day the student consented; written to the student's audit log. Refused (as {@link GuardianLink#recordConsent}
     * says, with its own code) before the 18th birthday, without a known birth date, for a link that is not active, a
     * second time, and after a withdrawal; for a school administrator, unless the student has a role at a school they
     * administer (else not found).
     */
    public GuardianLinkConsent recordConsent(UUID linkId, LocalDate consentDate) {
        GuardianLink link = administeredLink(linkId);
        Actor admin = guard.currentActor();
        roster.recordGuardianConsent(link.id(), consentDate, guard.today(), OffsetDateTime.now(SWEDEN), recorder(admin));
        audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, admin, link.tenant().id(), "GUARDIAN_LINK",
                "RECORD_CONSENT", link.child().id(), null, true, List.of()));
        return GuardianLinkConsent.of(em, link, guard.today());
    }

    /**
     * Withdraws the student's consent: the link ends at once and for good (A2); written to the student's audit log.
     * Refused when no consent is recorded or it is withdrawn already.
     */
    public GuardianLinkConsent withdrawConsent(UUID linkId) {
        GuardianLink link = administeredLink(linkId);
        Actor admin = guard.currentActor();
        roster.withdrawGuardianConsent(link.id(), OffsetDateTime.now(SWEDEN), recorder(admin));
        audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, admin, link.tenant().id(), "GUARDIAN_LINK",
                "WITHDRAW_CONSENT", link.child().id(), null, true, List.of()));
        return GuardianLinkConsent.of(em, link, guard.today());
    }

    /**
     * The guardian links of the students of the caller's schools who are 18 or older today, with each link's consent:
     * where the school records or withdraws a consent. A page of students at a time, each with all their links, by
     * student and guardian; the cursor continues after the page's last student. A protected student only where the
     * caller also has a path to their profile, as the name search decides ({@link StudentSearch#adultsWithGuardianLinks}).
     *
     * @throws se.klassrum.access.api.NotPermittedException unless the caller is a school administrator (a person)
     * @throws Page.InvalidCursorException when the page's cursor is not one this list handed out
     */
    @NoStudentData("names and guardian links of a school administrator's own schools' adult students, to administer "
            + "their consents; a protected student only behind an audited profile decision")
    public Slice<GuardianLinkConsent> adultStudentsLinks(Page page) {
        Slice<StudentSearch.Match> adults = search.adultsWithGuardianLinks(page);
        if (adults.items().isEmpty()) {
            return new Slice<>(List.of(), adults.nextCursor());
        }
        Map<UUID, Integer> order = new HashMap<>();
        adults.items().forEach(student -> order.put(student.id(), order.size()));
        LocalDate today = guard.today();
        return new Slice<>(em.createQuery("select l from GuardianLink l join fetch l.child join fetch l.guardian "
                        + "where l.child.id in :students", GuardianLink.class)
                .setParameter("students", order.keySet())
                .getResultList().stream()
                .map(link -> GuardianLinkConsent.of(em, link, today))
                .sorted(Comparator.comparing((GuardianLinkConsent link) -> order.get(link.studentId()))
                        .thenComparing(GuardianLinkConsent::guardianName).thenComparing(GuardianLinkConsent::linkId))
                .toList(), adults.nextCursor());
    }

    /** The link, if the caller may administer it: an integration of its tenant, or an administrator of the child. */
    private GuardianLink administeredLink(UUID linkId) {
        UUID tenant = administrators.requireAdministrator(PERMISSION);
        GuardianLink link = linkId == null ? null : em.find(GuardianLink.class, linkId);
        if (link == null || !link.tenant().id().equals(tenant)) {
            throw new StudentDataNotFoundException();
        }
        // A protected child is administered only with a path to them, as everywhere (Administrators#administersStudent).
        if (guard.currentActor() instanceof Actor.Person && !administrators.administersStudent(link.child().id())) {
            throw new StudentDataNotFoundException();
        }
        return link;
    }

    private static GuardianConsent.Recorder recorder(Actor admin) {
        return switch (admin) {
            case Actor.Person person -> GuardianConsent.Recorder.person(person.personId());
            case Actor.Application application -> GuardianConsent.Recorder.application(application.clientId());
        };
    }

    /**
     * The caller, if they may administer the guardian's logins: an application holding the permission (checked
     * already), or a school administrator of a school where one of the guardian's children has a role today.
     */
    private Actor requireAdministratorOfGuardian(UUID guardianId) {
        Actor admin = guard.currentActor();
        if (admin instanceof Actor.Person) {
            boolean administers = childrenOf(guardianId).stream().anyMatch(administrators::administersStudent);
            if (!administers) {
                throw new StudentDataNotFoundException();
            }
        }
        return admin;
    }

    private List<UUID> childrenOf(UUID guardianId) {
        return em.createQuery("select distinct l.child.id from GuardianLink l where l.guardian.id = :guardian", UUID.class)
                .setParameter("guardian", guardianId)
                .getResultList();
    }

    /** A login lets its guardian reach each linked child's information: the change goes into each child's log. */
    private void auditLogin(Actor admin, UUID tenant, UUID guardianId, String operation) {
        for (UUID child : childrenOf(guardianId)) {
            audit.record(guard.record(AuditRecord.Purpose.ADMINISTRATION, admin, tenant, "GUARDIAN_LOGIN", operation,
                    child, null, true, List.of()));
        }
    }
}
