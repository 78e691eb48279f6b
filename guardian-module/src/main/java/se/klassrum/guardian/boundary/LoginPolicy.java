package se.klassrum.guardian.boundary;

import java.util.UUID;

/**
 * An organiser's choice of guardian sign-in methods.
 *
 * @param tenantId     the organiser (a roster tenant)
 * @param emailEnabled whether guardians may sign in with a one-time code sent by e-mail
 * @param idpEnabled   whether guardians may sign in through an identity provider
 */
public record LoginPolicy(UUID tenantId, boolean emailEnabled, boolean idpEnabled) {
}
