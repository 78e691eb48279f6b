package se.klassrum.access.api;

import java.util.Objects;
import java.util.UUID;

public record RoleFact(UUID schoolId, SchoolRoleKind role, Validity validity) {
    public RoleFact {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validity, "validity");
    }
}
