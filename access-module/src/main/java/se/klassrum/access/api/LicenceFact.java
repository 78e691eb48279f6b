package se.klassrum.access.api;

import java.util.Objects;

public record LicenceFact(LicenceKind kind, Validity validity) {
    public LicenceFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validity, "validity");
    }
}
