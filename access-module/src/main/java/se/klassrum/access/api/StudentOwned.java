package se.klassrum.access.api;

import java.util.UUID;

/**
 * An element of a filtered result: the student it is about, and for group-linked kinds its group and
 * item facts, decide whether the caller sees it.
 */
public interface StudentOwned {

    UUID studentId();

    /** The group the element is linked to; needed for group-linked kinds (posts, assignments, submissions, talks). */
    default UUID groupId() {
        return null;
    }

    /** What the rules need to know about the element (an assessment's syllabus, whether it is published). */
    default ItemFacts itemFacts() {
        return null;
    }
}
