package se.klassrum.access.api;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Who is asking: a signed-in person, or an integration acting as an application with no person. */
public sealed interface Actor permits Actor.Person, Actor.Application {

    /** The tenant of the sign-in or token (its tenant claim), not taken from the roster. */
    UUID tenantId();

    static Person person(UUID personId, UUID tenantId) {
        return new Person(personId, tenantId, SignIn.ORGANISATION);
    }

    /**
     * A person signed in through a guardian login (the guardian portal's e-mail code or identity provider): the
     * rules try the guardian path only, whatever else the person is in the roster.
     */
    static Person guardian(UUID personId, UUID tenantId) {
        return new Person(personId, tenantId, SignIn.GUARDIAN_LOGIN);
    }

    /** How a person signed in, which decides the paths the rules try for them. */
    enum SignIn {
        /** Through the organisation's identity (an Entra account, or the demo persona): every path. */
        ORGANISATION,
        /** Through a guardian login: the guardian path only. */
        GUARDIAN_LOGIN
    }

    static Application application(String clientId, UUID tenantId, Set<String> permissions) {
        return new Application(clientId, tenantId, permissions);
    }

    record Person(UUID personId, UUID tenantId, SignIn signIn) implements Actor {
        public Person {
            Objects.requireNonNull(personId, "personId");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(signIn, "signIn");
        }

        public Person(UUID personId, UUID tenantId) {
            this(personId, tenantId, SignIn.ORGANISATION);
        }

        public boolean guardianLogin() {
            return signIn == SignIn.GUARDIAN_LOGIN;
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
