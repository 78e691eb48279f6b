package se.klassrum.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.DevelopmentTalks;
import se.klassrum.teaching.boundary.TalkBookings;
import se.klassrum.teaching.boundary.Views.TalkBookingView;
import se.klassrum.teaching.boundary.Views.TalkOfferView;
import se.klassrum.teaching.control.TalkCalendar;
import se.klassrum.teaching.entity.TalkTimes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Bookable development talks of a mentor group (ACCESS-RULES.md, choice 17): the mentor offers times, a guardian (or
 * the student, when no guardian has an active link) books, changes and cancels one, the mentor confirms it, and the
 * student and the guardians answer the preparation questions. A booking is the development talk it is booked for: its
 * id is the talk's, and the talk's notes are written afterwards through {@code /students/{id}/development-talks}.
 */
@Path("v1/groups/{group}/talks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Talk bookings", description = "Times offered for development talks (utvecklingssamtal) and their bookings")
@APIResponse(responseCode = "400", ref = "InvalidInput")
@APIResponse(responseCode = "401", ref = "NotSignedIn")
@APIResponse(responseCode = "403", ref = "AccessDenied")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "409", ref = "Refused")
public class TalkBookingsResource {

    private static final String STUDENT = "The student the talk is about";

    @Inject
    TalkBookings bookings;

    @Inject
    DevelopmentTalks talks;

    @PathParam("group")
    String group;

    @POST
    @Path("offers")
    @Operation(summary = "Offers times for development talks in the mentor group (its mentor)",
            description = "Each time is in Swedish time, in the future, 5–240 minutes long, with a place or a meeting "
                    + "link; no two overlap. Refusals: NOT_A_MENTOR_GROUP, TIME_PASSED, TIME_LENGTH, TIMES_OVERLAP.")
    @APIResponse(responseCode = "201", description = "The offer with its times",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalkOfferView.class)))
    public Response offer(@Valid @NotNull Requests.TalkOfferRequest request) {
        List<TalkTimes.Time> times = request.times().stream()
                .map(time -> new TalkTimes.Time(time.day(), time.start(), time.minutes(), time.place())).toList();
        TalkOfferView offer = bookings.offer(Params.uuid("group", group), request.title(), request.questions(), times);
        return Response.status(Response.Status.CREATED).entity(offer).build();
    }

    @GET
    @Path("offers")
    @Operation(summary = "The times offered in the mentor group, each saying only whether it is free",
            description = "For the mentor and the group's members; a guardian names the child.")
    @APIResponse(responseCode = "200", description = "The offers, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TalkOfferView.class)))
    public List<TalkOfferView> offers(@QueryParam("child") @Parameter(description = "For a guardian: the child to read for")
                                      String child) {
        return bookings.offers(Params.uuid("group", group), Params.optionalUuid("child", child));
    }

    @GET
    @Path("bookings")
    @Operation(summary = "Every booking in the mentor group, earliest first (its mentor)",
            description = "With who booked, whether it is confirmed and the answers to the preparation questions.")
    @APIResponse(responseCode = "200", description = "The bookings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TalkBookingView.class)))
    public List<TalkBookingView> bookingsInGroup() {
        return bookings.inGroup(Params.uuid("group", group));
    }

    @POST
    @Path("bookings")
    @Operation(summary = "Books an offered time for a student (a guardian, or the student when no guardian can)",
            description = "Creates the development talk of that day, inviting the guardians given (left out: every "
                    + "guardian with an active link). Two bookings of one time at once: one is booked, the other is "
                    + "refused with SLOT_TAKEN. Other refusals: ALREADY_BOOKED, TIME_PASSED, GUARDIANS_BOOK.")
    @APIResponse(responseCode = "201", description = "The booking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalkBookingView.class)))
    public Response book(@Valid @NotNull Requests.TalkBookingRequest request) {
        TalkBookingView booking = bookings.book(Params.uuid("group", group), request.student(), request.time(),
                request.guardians());
        return Response.status(Response.Status.CREATED).entity(booking).build();
    }

    @PUT
    @Path("bookings/{talk}")
    @Operation(summary = "Moves a booking to another time of the same offer",
            description = "Only a guardian the talk invites, the student (when no guardian can) or the mentor; the "
                    + "mentor confirms the new time again. Refusals: SLOT_TAKEN, TIME_PASSED.")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalkBookingView.class)))
    public TalkBookingView change(@PathParam("talk") String talk, @Valid @NotNull Requests.TalkChangeRequest request) {
        return bookings.change(Params.uuid("group", group), request.student(), Params.uuid("talk", talk), request.time());
    }

    @DELETE
    @Path("bookings/{talk}")
    @Operation(summary = "Cancels a booking: the time is free again and the booked talk is gone",
            description = "Refusals: TIME_PASSED once the time has begun, TALK_DOCUMENTED when notes are written.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    public Response cancel(@PathParam("talk") String talk,
                           @QueryParam("student") @Parameter(description = STUDENT, required = true) String student) {
        bookings.cancel(Params.uuid("group", group), Params.uuid("student", student), Params.uuid("talk", talk));
        return Response.noContent().build();
    }

    @POST
    @Path("bookings/{talk}/confirmation")
    @Operation(summary = "The mentor confirms a booking")
    @APIResponse(responseCode = "200", description = "The booking, confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalkBookingView.class)))
    public TalkBookingView confirm(@PathParam("talk") String talk,
                                   @QueryParam("student") @Parameter(description = STUDENT, required = true) String student) {
        return bookings.confirm(Params.uuid("group", group), Params.uuid("student", student), Params.uuid("talk", talk));
    }

    @PUT
    @Path("bookings/{talk}/answers")
    @Operation(summary = "The caller's answers to the preparation questions of a booked talk",
            description = "The student and the guardians the talk invites answer before the talk; the mentor reads "
                    + "the answers with the booking.")
    @APIResponse(responseCode = "200", description = "The booking with the answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TalkBookingView.class)))
    public TalkBookingView answer(@PathParam("talk") String talk, @Valid @NotNull Requests.TalkAnswersRequest request) {
        return bookings.answer(Params.uuid("group", group), request.student(), Params.uuid("talk", talk),
                request.answers());
    }

    @GET
    @Path("bookings/{talk}/calendar")
    @Produces({TalkCalendar.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "A booked talk as a calendar file (RFC 5545)",
            description = "For whoever may read the talk: a guardian the talk does not invite gets 404, as for a talk "
                    + "that does not exist. The file names the time, the place, the offer's title and the mentor; "
                    + "texts in the caller's language (Accept-Language).")
    @APIResponse(responseCode = "200", description = "The calendar file",
            content = @Content(mediaType = TalkCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response calendar(@PathParam("talk") String talk,
                             @QueryParam("student") @Parameter(description = STUDENT, required = true) String student,
                             @Context HttpHeaders headers) {
        UUID groupId = Params.uuid("group", group);
        TalkBookingView booking = talks.byId(Params.uuid("student", student), Params.uuid("talk", talk)).stream()
                .map(view -> view.booking())
                .filter(found -> found != null && found.groupId().equals(groupId))
                .findFirst().orElseThrow(StudentDataNotFoundException::new);
        return Response.ok(TalkCalendar.of(booking, Language.of(headers), null, OffsetDateTime.now()),
                        TalkCalendar.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + TalkCalendar.fileName(booking) + "\"")
                .build();
    }
}
