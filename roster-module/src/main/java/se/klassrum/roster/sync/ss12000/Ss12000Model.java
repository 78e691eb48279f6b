package se.klassrum.roster.sync.ss12000;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the SS 12000 v2.1 entities that a roster needs, read leniently from the JSON the register sends:
 * properties Klassrum does not use are skipped, and a missing or malformed value is kept as null (dates as
 * their text) so that the mapping can report it against the entity rather than fail the whole page.
 * Only {@code id} is insisted on here, because without it an entity cannot even be named in a problem.
 */
public final class Ss12000Model {

    private Ss12000Model() {
    }

    /** An entity with the id the register gave it and its {@code meta.modified}. */
    public interface Entity {
        String id();
    }

    /** {@code organisationType} Skolenhet is a school unit; {@code parentOrganisation} points upwards. */
    public record Organisation(String id, String displayName, String organisationType, String parentId,
                               String schoolUnitCode) implements Entity {
        static Organisation of(JsonObject o) {
            return new Organisation(idOf(o), text(o, "displayName"), text(o, "organisationType"),
                    ref(o, "parentOrganisation"), text(o, "schoolUnitCode"));
        }
    }

    public record Email(String type, String value) {
    }

    /** A responsible adult ({@code responsibles}): who and how, e.g. Vårdnadshavare. */
    public record Responsible(String personId, String relationType) {
    }

    /** An enrolment at a school unit ({@code enroledAt}), with dates as the register wrote them. */
    public record Enrolment(String schoolUnitId, String startDate, String endDate, boolean cancelled) {
    }

    public record Person(String id, String givenName, String familyName, String birthDate, String securityMarking,
                         List<Email> emails, List<Responsible> responsibles, List<Enrolment> enrolments)
            implements Entity {
        static Person of(JsonObject o) {
            List<Email> emails = objects(o, "emails").stream()
                    .map(e -> new Email(text(e, "type"), text(e, "value"))).toList();
            List<Responsible> responsibles = objects(o, "responsibles").stream()
                    .map(r -> new Responsible(ref(r, "person"), text(r, "relationType"))).toList();
            List<Enrolment> enrolments = objects(o, "enrolments").stream()
                    .map(e -> new Enrolment(ref(e, "enroledAt"), text(e, "startDate"), text(e, "endDate"),
                            e.getBoolean("cancelled", false))).toList();
            return new Person(idOf(o), text(o, "givenName"), text(o, "familyName"), text(o, "birthDate"),
                    text(o, "securityMarking"), emails, responsibles, enrolments);
        }
    }

    /** A child placed at a school unit (förskola, fritidshem). */
    public record Placement(String id, String childId, String schoolUnitId, String startDate, String endDate)
            implements Entity {
        static Placement of(JsonObject o) {
            return new Placement(idOf(o), ref(o, "child"), ref(o, "placedAt"), text(o, "startDate"), text(o, "endDate"));
        }
    }

    /** A duty's task towards a group, e.g. Mentor. */
    public record AssignmentRole(String groupId, String type, String startDate, String endDate) {
    }

    /** A person's employment at an organisation in a role (dutyRole), e.g. Lärare or Rektor. */
    public record Duty(String id, String personId, String dutyAt, String dutyRole, String startDate, String endDate,
                       List<AssignmentRole> assignmentRoles) implements Entity {
        static Duty of(JsonObject o) {
            List<AssignmentRole> roles = objects(o, "assignmentRole").stream()
                    .map(a -> new AssignmentRole(ref(a, "group"), text(a, "assignmentRoleType"), text(a, "startDate"),
                            text(a, "endDate"))).toList();
            return new Duty(idOf(o), ref(o, "person"), ref(o, "dutyAt"), text(o, "dutyRole"), text(o, "startDate"),
                    text(o, "endDate"), roles);
        }
    }

    public record GroupMembership(String personId, String startDate, String endDate) {
    }

    public record Group(String id, String displayName, String groupType, String organisationId, String startDate,
                        String endDate, List<GroupMembership> memberships) implements Entity {
        static Group of(JsonObject o) {
            List<GroupMembership> memberships = objects(o, "groupMemberships").stream()
                    .map(m -> new GroupMembership(ref(m, "person"), text(m, "startDate"), text(m, "endDate"))).toList();
            return new Group(idOf(o), text(o, "displayName"), text(o, "groupType"), ref(o, "organisation"),
                    text(o, "startDate"), text(o, "endDate"), memberships);
        }
    }

    /** A teacher's part in an activity: the duty, and dates if narrower than the activity's. */
    public record TeacherAssignment(String dutyId, String startDate, String endDate) {
    }

    /** What ties teachers (duties) and groups to a syllabus. */
    public record Activity(String id, String displayName, String organisationId, List<String> groupIds,
                           List<TeacherAssignment> teachers, String syllabusId, String startDate, String endDate)
            implements Entity {
        static Activity of(JsonObject o) {
            List<String> groups = objects(o, "groups").stream().map(g -> text(g, "id")).toList();
            List<TeacherAssignment> teachers = objects(o, "teachers").stream()
                    .map(t -> new TeacherAssignment(ref(t, "duty"), text(t, "startDate"), text(t, "endDate"))).toList();
            return new Activity(idOf(o), text(o, "displayName"), ref(o, "organisation"), groups, teachers,
                    ref(o, "syllabus"), text(o, "startDate"), text(o, "endDate"));
        }
    }

    /** A course (courseCode) or a subject (subjectCode) of a school type. */
    public record Syllabus(String id, String subjectCode, String subjectName, String subjectDesignation,
                           String courseCode, String courseName) implements Entity {
        static Syllabus of(JsonObject o) {
            return new Syllabus(idOf(o), text(o, "subjectCode"), text(o, "subjectName"), text(o, "subjectDesignation"),
                    text(o, "courseCode"), text(o, "courseName"));
        }
    }

    private static String idOf(JsonObject o) {
        String id = text(o, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an entity without an id");
        }
        return id;
    }

    /** A string property, or null when absent, null or not a string. */
    static String text(JsonObject o, String key) {
        JsonValue value = o.get(key);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** The id of an ObjectReference property, or null. */
    static String ref(JsonObject o, String key) {
        JsonValue value = o.get(key);
        return value instanceof JsonObject reference ? text(reference, "id") : null;
    }

    /** The objects of an array property; anything else in the array is skipped. */
    static List<JsonObject> objects(JsonObject o, String key) {
        JsonValue value = o.get(key);
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (item instanceof JsonObject object) {
                objects.add(object);
            }
        }
        return objects;
    }
}
