package se.klassrum.roster.boundary;

import se.klassrum.roster.entity.SecurityMarking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the student register tells about a new person. Start with {@link #named} and add what is known.
 *
 * @param externalId      the person's id in the student register (required, unique in the organisation)
 * @param entraObjectId   the Entra ID object id, or {@code null} (guardians usually have none)
 * @param email           or {@code null}
 * @param birthDate       or {@code null}; an unknown birth date keeps guardian links as registered
 * @param securityMarking {@code null} counts as {@link SecurityMarking#NONE}
 */
public record NewPerson(String externalId, UUID entraObjectId, String givenName, String familyName,
                        String email, LocalDate birthDate, SecurityMarking securityMarking) {

    public static NewPerson named(String externalId, String givenName, String familyName) {
        return new NewPerson(externalId, null, givenName, familyName, null, null, SecurityMarking.NONE);
    }

    public NewPerson withEntraObjectId(UUID objectId) {
        return new NewPerson(externalId, objectId, givenName, familyName, email, birthDate, securityMarking);
    }

    public NewPerson withEmail(String address) {
        return new NewPerson(externalId, entraObjectId, givenName, familyName, address, birthDate, securityMarking);
    }

    public NewPerson withBirthDate(LocalDate date) {
        return new NewPerson(externalId, entraObjectId, givenName, familyName, email, date, securityMarking);
    }

    public NewPerson withSecurityMarking(SecurityMarking marking) {
        return new NewPerson(externalId, entraObjectId, givenName, familyName, email, birthDate, marking);
    }
}
