package se.klassrum.access.api;

import java.util.UUID;

/** An element of a filtered result: the student it is about decides whether the caller sees it. */
public interface StudentOwned {

    UUID studentId();
}
