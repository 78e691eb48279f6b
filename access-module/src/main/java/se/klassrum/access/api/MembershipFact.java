package se.klassrum.access.api;

import java.util.Objects;
import java.util.UUID;

public record MembershipFact(UUID groupId, UUID personId, MembershipRole role, Validity validity) {
    public MembershipFact {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validity, "validity");
    }
}
