package se.klassrum.guardian.control;

import java.util.UUID;

/** An enabled guardian login through an identity provider, as sign-in needs it. */
public record IdpLogin(UUID loginId, UUID personId, UUID tenantId) {
}
