package se.klassrum.access.api;

/** The ways in which an actor can be entitled to a student's data; each has its own prerequisites. */
public enum AccessPath {
    TEACHER,
    MENTOR,
    STUDENT,
    GUARDIAN,
    /** An integration acting without a person, on tenant-scoped application permissions. */
    APPLICATION
}
