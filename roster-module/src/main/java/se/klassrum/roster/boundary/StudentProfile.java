package se.klassrum.roster.boundary;

import se.klassrum.access.api.StudentOwned;

import java.util.List;
import java.util.UUID;

/**
 * What a permitted viewer sees of a student: name, contact and the groups the student is in now.
 *
 * @param email may be null
 * @param groups the connected, non-archived groups in which the student is an active member, by name
 */
public record StudentProfile(UUID studentId, String givenName, String familyName, String email, List<String> groups)
        implements StudentOwned {

    public StudentProfile {
        groups = List.copyOf(groups);
    }
}
