package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;

import java.util.List;

/** Groups: their members, each shown only to a caller who may see that student. */
@Path("v1/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    StudentProfiles profiles;

    @GET
    @Path("{id}/members")
    public List<StudentProfile> members(@PathParam("id") String id) {
        return profiles.membersOf(Params.uuid("id", id));
    }
}
