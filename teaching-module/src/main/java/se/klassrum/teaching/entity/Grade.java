package se.klassrum.teaching.entity;

/** The grading scale of the Swedish curriculum (F–A), or not yet assessed. */
public enum Grade {
    NOT_YET_ASSESSED, F, E, D, C, B, A
}
