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

    public static java.util.Optional<DemoPersona> byKey(String key) {
        return ALL.stream().filter(persona -> persona.key().equals(key)).findFirst();
    }
}
