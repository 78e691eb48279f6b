package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.teaching.boundary.MailPreferences;
import se.klassrum.teaching.boundary.Notifications;
import se.klassrum.teaching.boundary.Notifications.NotificationPage;
import se.klassrum.teaching.control.NotificationPreferences.Preference;

import java.util.List;

/**
 * The caller's own notifications (students, guardians, staff): what happened in their groups, to their work, their
 * children's and their talks, decided by the access rules when read (ACCESS-RULES.md, choice 18); and how the caller
 * wants to be mailed about them.
 */
@Path("v1/me/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "The caller's notifications, decided by the access rules when read")
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "409", ref = "Refused")
public class NotificationsResource {

    @Inject
    Notifications notifications;

    @Inject
    MailPreferences preferences;

    @GET
    @Operation(summary = "The caller's notifications, newest first, a page at a time",
            description = "Each says what happened (kind), where (group), to whom (the caller, their child, or for a "
                    + "teacher the student who handed in) and whether the caller has read it. What the caller may not "
                    + "see is left out, not counted and not in the cursor. The first page also counts the unread ones "
                    + "among the newest " + Notifications.COUNT_WINDOW + ".")
    @APIResponse(responseCode = "200", description = "A page of notifications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationPage.class)))
    public NotificationPage mine(@QueryParam("limit") @DefaultValue("20") int limit,
                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return notifications.mine(Params.page(limit, cursor));
    }

    @POST
    @Path("read")
    @Operation(summary = "Marks notifications as read",
            description = "The ids given, or with none every notification among the newest "
                    + Notifications.COUNT_WINDOW + " that the caller may see.")
    @APIResponse(responseCode = "204", description = "Marked")
    public Response read(@Valid Requests.NotificationsRead request) {
        notifications.markRead(request == null ? List.of() : request.ids());
        return Response.noContent().build();
    }

    @GET
    @Path("mail-preferences")
    @Operation(summary = "How the caller is mailed about their notifications",
            description = "`chosen` is false while the caller has the defaults of the settings.")
    @APIResponse(responseCode = "200", description = "The caller's choice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preference.class)))
    public Preference mailPreferences() {
        return preferences.mine();
    }

    @PUT
    @Path("mail-preferences")
    @Operation(summary = "Chooses how the caller is mailed about their notifications",
            description = "IMMEDIATELY (a mail per notification), DAILY (one digest a day) or OFF; language sv or en.")
    @APIResponse(responseCode = "200", description = "The caller's choice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preference.class)))
    public Preference chooseMailPreferences(@Valid @NotNull Requests.MailPreferenceRequest request) {
        return preferences.choose(request.frequency(), request.language());
    }
}
