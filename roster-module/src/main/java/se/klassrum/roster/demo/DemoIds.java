package se.klassrum.roster.demo;

import se.klassrum.roster.entity.RoleKind;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The ids of the demo data, the same in every database, so that tests and walkthroughs in any module can
 * name "Anna" or "Ma1c-A" without looking them up. Every id is derived from a readable key; the keys are
 * listed in roster-module/DEMO-DATA.md.
 */
public final class DemoIds {

    private static final String PREFIX = "klassrum-demo:";

    public static final UUID TENANT_SOLBACKA = id("tenant:solbacka");
    public static final UUID TENANT_NORRA = id("tenant:norra");
    /** The Entra tenant ids ({@code tid} claim) of the two organisations. */
    public static final UUID ENTRA_TENANT_SOLBACKA = id("tid:solbacka");
    public static final UUID ENTRA_TENANT_NORRA = id("tid:norra");

    public static final UUID SCHOOL_SOLBACKASKOLAN = school("solbackaskolan");
    public static final UUID SCHOOL_SOLBACKA_GYMNASIUM = school("solbacka-gymnasium");
    public static final UUID SCHOOL_NORRASKOLAN = school("norraskolan");

    public static final UUID SUBJECT_MAT = subject("mat");
    public static final UUID SUBJECT_ENG = subject("eng");
    public static final UUID SUBJECT_FYS = subject("fys");
    public static final UUID SUBJECT_KEM = subject("kem");
    /** Norrå's own subject MAT: codes are unique per organisation, not across them. */
    public static final UUID SUBJECT_NORRA_MAT = subject("norra-mat");

    public static final UUID SYLLABUS_MATMAT01C = syllabus("matmat01c");
    public static final UUID SYLLABUS_ENGENG05 = syllabus("engeng05");
    public static final UUID SYLLABUS_FYSFYS01A = syllabus("fysfys01a");
    public static final UUID SYLLABUS_KEMKEM01 = syllabus("kemkem01");
    public static final UUID SYLLABUS_NORRA_MATMAT01C = syllabus("norra-matmat01c");

    // Staff
    public static final UUID PERSON_ANNA = person("anna");
    public static final UUID PERSON_BERTIL = person("bertil");
    public static final UUID PERSON_CECILIA = person("cecilia");
    public static final UUID PERSON_DAVID = person("david");
    public static final UUID PERSON_SARA = person("sara");
    public static final UUID PERSON_PETRA = person("petra");
    public static final UUID PERSON_OLLE = person("olle");
    // Students
    public static final UUID PERSON_ELSA = person("elsa");
    public static final UUID PERSON_FILIP = person("filip");
    public static final UUID PERSON_GRETA = person("greta");
    public static final UUID PERSON_HUGO = person("hugo");
    public static final UUID PERSON_IVAR = person("ivar");
    public static final UUID PERSON_JULIA = person("julia");
    public static final UUID PERSON_KLARA = person("klara");
    public static final UUID PERSON_RUT = person("rut");
    public static final UUID PERSON_TOVE = person("tove");
    // Guardians
    public static final UUID PERSON_KARIN = person("karin");
    public static final UUID PERSON_LARS = person("lars");
    public static final UUID PERSON_MARIA = person("maria");
    public static final UUID PERSON_NILS = person("nils");
    public static final UUID PERSON_OLOF = person("olof");
    public static final UUID PERSON_ULLA = person("ulla");
    /** Elsa's second custodian, whose only login to the guardian portal is disabled. */
    public static final UUID PERSON_EBBA = person("ebba");

    /** Entra object ids ({@code oid} claim) of staff and students; guardians have none. */
    public static final UUID OID_ANNA = entraObjectId("anna");
    public static final UUID OID_BERTIL = entraObjectId("bertil");
    public static final UUID OID_CECILIA = entraObjectId("cecilia");
    public static final UUID OID_DAVID = entraObjectId("david");
    public static final UUID OID_SARA = entraObjectId("sara");
    public static final UUID OID_PETRA = entraObjectId("petra");
    public static final UUID OID_OLLE = entraObjectId("olle");
    public static final UUID OID_ELSA = entraObjectId("elsa");
    public static final UUID OID_FILIP = entraObjectId("filip");
    public static final UUID OID_GRETA = entraObjectId("greta");
    public static final UUID OID_HUGO = entraObjectId("hugo");
    public static final UUID OID_IVAR = entraObjectId("ivar");
    public static final UUID OID_JULIA = entraObjectId("julia");
    public static final UUID OID_KLARA = entraObjectId("klara");
    public static final UUID OID_RUT = entraObjectId("rut");
    public static final UUID OID_TOVE = entraObjectId("tove");

    public static final UUID GROUP_MA1C_A = group("ma1c-a");
    public static final UUID GROUP_EN5_B = group("en5-b");
    public static final UUID GROUP_FY1A_C = group("fy1a-c");
    public static final UUID GROUP_KE1_D = group("ke1-d");
    /** Anna's Ma1c-A of the previous school year, now archived. */
    public static final UUID GROUP_MA1C_A_PREVIOUS = group("ma1c-a-previous");
    public static final UUID GROUP_NA24A_MENTOR = group("na24a-mentor");
    public static final UUID GROUP_KE1_E = group("ke1-e");
    public static final UUID GROUP_FY1A_F = group("fy1a-f");
    public static final UUID GROUP_MA8_A = group("ma8-a");
    public static final UUID GROUP_NORRA_MA1C = group("norra-ma1c");

    public static final UUID GUARDIAN_LINK_KARIN_ELSA = guardianLink("karin", "elsa");
    public static final UUID GUARDIAN_LINK_LARS_IVAR = guardianLink("lars", "ivar");
    public static final UUID GUARDIAN_LINK_MARIA_FILIP = guardianLink("maria", "filip");
    public static final UUID GUARDIAN_LINK_NILS_GRETA = guardianLink("nils", "greta");
    public static final UUID GUARDIAN_LINK_OLOF_HUGO = guardianLink("olof", "hugo");
    public static final UUID GUARDIAN_LINK_ULLA_RUT = guardianLink("ulla", "rut");
    public static final UUID GUARDIAN_LINK_EBBA_ELSA = guardianLink("ebba", "elsa");

    /** Logins to the guardian portal, one per guardian; Maria has none and Ebba's is disabled. */
    public static final UUID GUARDIAN_LOGIN_KARIN = guardianLogin("karin");
    public static final UUID GUARDIAN_LOGIN_LARS = guardianLogin("lars");
    public static final UUID GUARDIAN_LOGIN_NILS = guardianLogin("nils");
    public static final UUID GUARDIAN_LOGIN_OLOF = guardianLogin("olof");
    public static final UUID GUARDIAN_LOGIN_ULLA = guardianLogin("ulla");
    public static final UUID GUARDIAN_LOGIN_EBBA = guardianLogin("ebba");

    private DemoIds() {
    }

    /** The id for a key such as "person:anna": a name-based UUID of "klassrum-demo:" + key. */
    public static UUID id(String key) {
        return UUID.nameUUIDFromBytes((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID person(String personKey) {
        return id("person:" + personKey);
    }

    public static UUID entraObjectId(String personKey) {
        return id("oid:" + personKey);
    }

    public static UUID school(String schoolKey) {
        return id("school:" + schoolKey);
    }

    public static UUID subject(String subjectKey) {
        return id("subject:" + subjectKey);
    }

    public static UUID syllabus(String syllabusKey) {
        return id("syllabus:" + syllabusKey);
    }

    public static UUID group(String groupKey) {
        return id("group:" + groupKey);
    }

    public static UUID licence(String personKey) {
        return id("licence:" + personKey);
    }

    /** e.g. {@code schoolRole("hugo", "solbackaskolan", RoleKind.STUDENT)} for Hugo's ended role. */
    public static UUID schoolRole(String personKey, String schoolKey, RoleKind role) {
        return id("role:" + personKey + ":" + schoolKey + ":" + role.name().toLowerCase(Locale.ROOT));
    }

    /** e.g. {@code membership("ma1c-a", "julia")} for Julia's ended membership. */
    public static UUID membership(String groupKey, String personKey) {
        return id("membership:" + groupKey + ":" + personKey);
    }

    public static UUID teacherSubject(String personKey, String subjectKey) {
        return id("teacher-subject:" + personKey + ":" + subjectKey);
    }

    public static UUID guardianLink(String guardianKey, String childKey) {
        return id("guardian-link:" + guardianKey + ":" + childKey);
    }

    public static UUID guardianLogin(String guardianKey) {
        return id("guardian-login:" + guardianKey);
    }

    /** The subject claim a demo guardian's identity provider sends: an opaque value, never a personnummer. */
    public static String idpSubject(String guardianKey) {
        return id("idp-subject:" + guardianKey).toString();
    }
}
