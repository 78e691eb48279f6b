package se.klassrum.access.api;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Who is asking: a signed-in person, or an integration acting as an application with no person. */
public sealed interface Actor permits Actor.Person, Actor.Application {

    /** The tenant of the sign-in or token (its tenant claim), not taken from the roster. */
    UUID tenantId();

    static Person person(UUID personId, UUID tenantId) {
        return new Person(personId, tenantId);
    }

    static Application application(String clientId, UUID tenantId, Set<String> permissions) {
        return new Application(clientId, tenantId, permissions);
    }

    record Person(UUID personId, UUID tenantId) implements Actor {
        public Person {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(tenantId, "tenantId");
        }
    }

    /** @param permissions the application permissions granted in the tenant, see {@link ApplicationPermissions} */
    record Application(String clientId, UUID tenantId, Set<String> permissions) implements Actor {
        public Application {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(tenantId, "tenantId");
            permissions = Set.copyOf(permissions);
        }
    }
}
