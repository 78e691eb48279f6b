package se.klassrum.web.pages;

import java.util.List;
import java.util.UUID;

import static se.klassrum.roster.demo.DemoIds.*;

/**
 * A demo persona offered on the demo sign-in page. What the persona shows is in the resource bundle under
 * {@code demo.persona.<key>}.
 */
public record DemoPersona(String key, String name, UUID personId, UUID tenantId, boolean staff) {

    /** Staff first, then students, as in roster-module/DEMO-DATA.md; guardians use the guardian portal. */
    public static final List<DemoPersona> ALL = List.of(
            staff("anna", "Anna Andersson", PERSON_ANNA, TENANT_SOLBACKA),
            staff("bertil", "Bertil Berg", PERSON_BERTIL, TENANT_SOLBACKA),
            staff("cecilia", "Cecilia Carlsson", PERSON_CECILIA, TENANT_SOLBACKA),
            staff("david", "David Dahl", PERSON_DAVID, TENANT_SOLBACKA),
            staff("sara", "Sara Svensson", PERSON_SARA, TENANT_SOLBACKA),
            staff("petra", "Petra Pettersson", PERSON_PETRA, TENANT_SOLBACKA),
            staff("olle", "Olle Utsocknes", PERSON_OLLE, TENANT_NORRA),
            student("elsa", "Elsa Ek", PERSON_ELSA, TENANT_SOLBACKA),
            student("filip", "Filip Falk", PERSON_FILIP, TENANT_SOLBACKA),
            student("greta", "Greta Gran", PERSON_GRETA, TENANT_SOLBACKA),
            student("hugo", "Hugo Holm", PERSON_HUGO, TENANT_SOLBACKA),
            student("ivar", "Ivar Isaksson", PERSON_IVAR, TENANT_SOLBACKA),
            student("julia", "Julia Jansson", PERSON_JULIA, TENANT_SOLBACKA),
            student("klara", "Klara Kvist", PERSON_KLARA, TENANT_SOLBACKA),
            student("rut", "Rut Rask", PERSON_RUT, TENANT_SOLBACKA),
            student("tove", "Tove Tallberg", PERSON_TOVE, TENANT_NORRA));

    private static DemoPersona staff(String key, String name, UUID person, UUID tenant) {
        return new DemoPersona(key, name, person, tenant, true);
    }

    private static DemoPersona student(String key, String name, UUID person, UUID tenant) {
        return new DemoPersona(key, name, person, tenant, false);
    }

    /** The demo guardians, who sign in to the guardian portal rather than on the demo page. */
    private static final java.util.Map<UUID, String> GUARDIANS = java.util.Map.of(
            PERSON_KARIN, "Karin Ek", PERSON_EBBA, "Ebba Ek", PERSON_LARS, "Lars Isaksson", PERSON_MARIA, "Maria Falk",
            PERSON_NILS, "Nils Gran", PERSON_OLOF, "Olof Holm", PERSON_ULLA, "Ulla Rask");

    /** The name of a demo person (staff, student or guardian) by id as text, e.g. in the audit log. */
    public static java.util.Optional<String> nameOf(String personId) {
        for (DemoPersona persona : ALL) {
            if (persona.personId().toString().equals(personId)) {
                return java.util.Optional.of(persona.name());
            }
        }
        return GUARDIANS.entrySet().stream().filter(entry -> entry.getKey().toString().equals(personId))
                .map(java.util.Map.Entry::getValue).findFirst();
    }

    public static java.util.Optional<DemoPersona> byKey(String key) {
        return ALL.stream().filter(persona -> persona.key().equals(key)).findFirst();
    }
}
