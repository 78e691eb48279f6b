package se.klassrum.access.api;

/** What the actor wants to do with the data. */
public enum Operation {
    READ,
    /** Create, change or delete. */
    WRITE
}
