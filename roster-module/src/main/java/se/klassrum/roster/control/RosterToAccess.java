package se.klassrum.roster.control;

import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;

/**
 * The roster's words for kinds of things, translated into the access rules' words, one constant at a time.
 * <p>
 * Never by name ({@code valueOf(other.name())}): the two vocabularies belong to different modules, and a
 * constant added to one must be a decision, not a coincidence of spelling. The switches have no default, so
 * a new roster constant does not compile until it is mapped; RosterToAccessTest fails when the access rules
 * gain a constant that the roster cannot produce.
 */
final class RosterToAccess {

    private RosterToAccess() {
    }

    static SchoolRoleKind role(RoleKind role) {
        return switch (role) {
            case TEACHER -> SchoolRoleKind.TEACHER;
            case MENTOR -> SchoolRoleKind.MENTOR;
            case STUDENT -> SchoolRoleKind.STUDENT;
            case SCHOOL_ADMIN -> SchoolRoleKind.SCHOOL_ADMIN;
            case PRINCIPAL -> SchoolRoleKind.PRINCIPAL;
        };
    }

    static se.klassrum.access.api.LicenceKind licence(LicenceKind kind) {
        return switch (kind) {
            case TEACHER -> se.klassrum.access.api.LicenceKind.TEACHER;
            case STUDENT -> se.klassrum.access.api.LicenceKind.STUDENT;
        };
    }

    static se.klassrum.access.api.GroupKind group(GroupKind kind) {
        return switch (kind) {
            case TEACHING -> se.klassrum.access.api.GroupKind.TEACHING;
            case MENTOR -> se.klassrum.access.api.GroupKind.MENTOR;
        };
    }

    static se.klassrum.access.api.MembershipRole membership(MembershipRole role) {
        return switch (role) {
            case OWNER -> se.klassrum.access.api.MembershipRole.OWNER;
            case MEMBER -> se.klassrum.access.api.MembershipRole.MEMBER;
        };
    }
}
