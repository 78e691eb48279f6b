package se.klassrum.access.api;

/** The Microsoft 365 education licences the rules distinguish. */
public enum LicenceKind {
    TEACHER,
    STUDENT
}
