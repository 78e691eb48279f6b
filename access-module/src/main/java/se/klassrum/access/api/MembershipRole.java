package se.klassrum.access.api;

/** As in Microsoft groups: teachers are owners, students are members. The rules never treat one as the other. */
public enum MembershipRole {
    OWNER,
    MEMBER
}
