package se.klassrum.access.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the rules know about one person, with every validity period left for the rules to judge.
 *
 * @param guardianLoginActive the person has an active login to the guardian portal
 * @param birthDate may be null when unknown; a guardian link then counts the child as under 18
 */
public record PersonFacts(UUID personId,
                          UUID tenantId,
                          List<LicenceFact> licences,
                          List<RoleFact> roles,
                          boolean protectedIdentity,
                          boolean guardianLoginActive,
                          LocalDate birthDate) {
    public PersonFacts {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(tenantId, "tenantId");
        licences = List.copyOf(licences);
        roles = List.copyOf(roles);
    }
}
