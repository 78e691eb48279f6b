package se.klassrum.access.api;

public enum GroupKind {
    /** Undervisningsgrupp: a connected Microsoft Team. */
    TEACHING,
    /** Mentorsgrupp: a connected Microsoft group or Team. */
    MENTOR
}
