package se.klassrum.roster.sync.ss12000;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The part of the SS 12000 v2.1 API ({@code openapi_ss12000_version2_1_0.yaml}) that the sync reads, as a
 * MicroProfile Rest Client: the list endpoints with the parameters the sync uses, and {@code /deletedEntities}.
 * <p>
 * Each method gives the page's body as text: {@link Ss12000Client} reads it with JSON-P, leniently around the
 * specification's known defects (DeletedEntities spells a key {@code activitites}; an unknown property is never an
 * error), and names the request in any problem it finds. Answers other than 2xx become {@link Ss12000Refusal}s
 * ({@link Ss12000Refusals}). A parameter given as null is left out of the request; the standard lets a
 * {@code pageToken} be combined with {@code limit} only.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public interface Ss12000Api {

    @GET
    @Path("organisations")
    String organisations(@QueryParam("meta.modified.after") String modifiedAfter,
                         @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    @GET
    @Path("persons")
    String persons(@QueryParam("meta.modified.after") String modifiedAfter,
                   @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    @GET
    @Path("placements")
    String placements(@QueryParam("meta.modified.after") String modifiedAfter,
                      @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    @GET
    @Path("duties")
    String duties(@QueryParam("meta.modified.after") String modifiedAfter,
                  @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    @GET
    @Path("groups")
    String groups(@QueryParam("meta.modified.after") String modifiedAfter,
                  @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    @GET
    @Path("activities")
    String activities(@QueryParam("meta.modified.after") String modifiedAfter,
                      @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    @GET
    @Path("syllabuses")
    String syllabuses(@QueryParam("meta.modified.after") String modifiedAfter,
                      @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    /** The ids of the entities deleted after the time, of every type. */
    @GET
    @Path("deletedEntities")
    String deletedEntities(@QueryParam("after") String after,
                           @QueryParam("pageToken") String pageToken, @QueryParam("limit") Integer limit);

    /** One page request of a list endpoint, for {@link Endpoint}. */
    @FunctionalInterface
    interface ListRequest {
        String page(Ss12000Api api, String modifiedAfter, String pageToken, Integer limit);
    }
}
