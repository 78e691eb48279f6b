package se.klassrum.roster.sync.ss12000;

import jakarta.json.JsonObject;

import java.util.function.Function;

/**
 * A list endpoint of SS 12000 that the sync reads, with how to read one of its entities.
 *
 * @param name    the path below the API's root, and the entity type's key in /deletedEntities
 * @param request the endpoint's method of the Rest Client
 */
public record Endpoint<T extends Ss12000Model.Entity>(String name, Ss12000Api.ListRequest request,
                                                      Function<JsonObject, T> reader) {

    public static final Endpoint<Ss12000Model.Organisation> ORGANISATIONS =
            new Endpoint<>("organisations", Ss12000Api::organisations, Ss12000Model.Organisation::of);
    public static final Endpoint<Ss12000Model.Person> PERSONS =
            new Endpoint<>("persons", Ss12000Api::persons, Ss12000Model.Person::of);
    public static final Endpoint<Ss12000Model.Placement> PLACEMENTS =
            new Endpoint<>("placements", Ss12000Api::placements, Ss12000Model.Placement::of);
    public static final Endpoint<Ss12000Model.Duty> DUTIES =
            new Endpoint<>("duties", Ss12000Api::duties, Ss12000Model.Duty::of);
    public static final Endpoint<Ss12000Model.Group> GROUPS =
            new Endpoint<>("groups", Ss12000Api::groups, Ss12000Model.Group::of);
    public static final Endpoint<Ss12000Model.Activity> ACTIVITIES =
            new Endpoint<>("activities", Ss12000Api::activities, Ss12000Model.Activity::of);
    public static final Endpoint<Ss12000Model.Syllabus> SYLLABUSES =
            new Endpoint<>("syllabuses", Ss12000Api::syllabuses, Ss12000Model.Syllabus::of);
}
