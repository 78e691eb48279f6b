package se.klassrum.access.api;

/** Roles a person holds at a school. SCHOOL_ADMIN and PRINCIPAL open no path to student content. */
public enum SchoolRoleKind {
    TEACHER,
    MENTOR,
    STUDENT,
    SCHOOL_ADMIN,
    PRINCIPAL
}
