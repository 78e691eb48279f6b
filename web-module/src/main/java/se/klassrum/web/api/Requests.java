package se.klassrum.web.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.klassrum.teaching.entity.Grade;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The JSON bodies the API accepts, with the rules Bean Validation checks before anything runs.
 */
public final class Requests {

    static final int MAX_TEXT = 100_000;

    private Requests() {
    }

    /** A post's rich text; markup beyond plain formatting and links is removed. */
    public record PostRequest(
            @NotBlank @Size(max = MAX_TEXT) String body) {
    }

    public record AssignmentRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = MAX_TEXT) String instructions,
            @NotNull OffsetDateTime dueAt,
            boolean publish) {
    }

    /** The corrected title, instructions and due time of an assignment. */
    public record AssignmentChange(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = MAX_TEXT) String instructions,
            @NotNull OffsetDateTime dueAt) {
    }

    /**
     * One change of the school-year break's plan: ARCHIVE or CONNECT a group, or ADD_OWNER or REMOVE_OWNER of a person
     * (then required) in it.
     */
    public record BreakChangeRequest(
            @NotNull se.klassrum.roster.control.BreakPlans.ChangeKind kind,
            @NotNull UUID group,
            UUID person) {
    }

    public record SubmissionRequest(
            @NotBlank @Size(max = MAX_TEXT) String content) {
    }

    public record FeedbackRequest(
            @NotBlank @Size(max = MAX_TEXT) String feedback) {
    }

    /** What the student is to complete (komplettering), as rich text. */
    public record CompletionRequest(
            @NotBlank @Size(max = MAX_TEXT) String comment) {
    }

    /** The teaching {@code group} the assessment is set through; its syllabus is the assessment's. */
    public record AssessmentRequest(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the teaching group the assessment is set through")
            UUID group,

            @NotNull
            @Schema(type = SchemaType.STRING, implementation = Grade.class, description = "the grade, F–A, or NOT_YET_ASSESSED")
            Grade grade,

            @NotNull @Size(max = MAX_TEXT) String comment,

            @Schema(type = SchemaType.BOOLEAN, description = "true shows the assessment to the student and their guardians")
            boolean publish) {
    }

    /** A save of a group's assessment grid: the changed rows, and whether to publish every draft of the group's rows. */
    public record AssessmentGridRequest(
            @NotNull @Size(max = 500) List<@NotNull @Valid AssessmentGridRow> rows,

            @Schema(type = SchemaType.BOOLEAN, description = "true also publishes every draft of the group's rows")
            boolean publish) {
    }

    /** One changed row of a group's assessment grid. */
    public record AssessmentGridRow(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the student, an active member of the group")
            UUID student,

            @NotNull
            @Schema(type = SchemaType.STRING, implementation = Grade.class, description = "the grade, F–A, or NOT_YET_ASSESSED")
            Grade grade,

            @NotNull @Size(max = MAX_TEXT) String comment) {
    }

    public record DevelopmentTalkRequest(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the mentor group the talk is held in")
            UUID group,

            @NotNull
            @Schema(type = SchemaType.STRING, format = "date", description = "the day of the talk; a later day books it")
            LocalDate heldOn,

            @Size(max = 10)
            @Schema(description = "the guardians the talk invites, each an active guardian of the student; only they "
                    + "may read the talk. Left out: every guardian with an active link today. Empty: no guardian")
            List<UUID> guardians,

            @NotNull @Size(max = MAX_TEXT) String notes,

            @NotNull @Size(max = MAX_TEXT) String agreedGoals) {
    }

    /** Times the mentor offers for development talks in a mentor group. */
    public record TalkOfferRequest(
            @Size(max = 200)
            @Schema(description = "the heading the times are offered under; left out: Utvecklingssamtal")
            String title,

            @Size(max = 10)
            @Schema(description = "questions the student and the guardians answer before the talk")
            List<@NotNull @Size(max = 1000) String> questions,

            @NotNull @Size(min = 1, max = 200) @Valid
            @Schema(description = "the times offered; none may overlap another")
            List<@NotNull TalkTimeRequest> times) {
    }

    /** One time offered, in Swedish time. */
    public record TalkTimeRequest(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "date", description = "the day")
            LocalDate day,

            @NotNull
            @Schema(type = SchemaType.STRING, description = "the start on the clock, Swedish time, e.g. 14:00", example = "14:00")
            LocalTime start,

            @Min(5) @Max(240)
            @Schema(type = SchemaType.INTEGER, description = "the length in minutes, 5–240")
            int minutes,

            @NotBlank @Size(max = 500)
            @Schema(description = "the room, or a meeting link")
            String place) {
    }

    /** A booking of an offered time for a student. */
    public record TalkBookingRequest(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the student the talk is about")
            UUID student,

            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the time booked, one of an offer's times")
            UUID time,

            @Size(max = 10)
            @Schema(description = "the guardians the talk invites, each an active guardian of the student; only they "
                    + "may read the talk and its booking. Left out: every guardian with an active link today")
            List<UUID> guardians) {
    }

    /** Moving a booking to another time of the same offer. */
    public record TalkChangeRequest(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the student the talk is about")
            UUID student,

            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the new time, of the same offer")
            UUID time) {
    }

    /** The caller's answers to the preparation questions of a booked talk, in the questions' order. */
    public record TalkAnswersRequest(
            @NotNull
            @Schema(type = SchemaType.STRING, format = "uuid", description = "the student the talk is about")
            UUID student,

            @NotNull @Size(max = 10)
            @Schema(description = "an answer per question, in order; an empty answer takes an earlier one back")
            List<@NotNull @Size(max = 4000) String> answers) {
    }

    /** How the caller wants to be mailed about their notifications. */
    public record MailPreferenceRequest(
            @NotNull se.klassrum.teaching.control.NotificationPreferences.Frequency frequency,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "sv|en") String language) {
    }

    /** @param ids the notifications read; empty or left out for every one the caller may see */
    public record NotificationsRead(@Size(max = 100) List<UUID> ids) {
    }
}
