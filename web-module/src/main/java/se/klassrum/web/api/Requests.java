package se.klassrum.web.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.klassrum.teaching.entity.Grade;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The JSON bodies the API accepts, with the rules Bean Validation checks before anything runs. Plain
 * classes with public fields rather than records: Payara's OpenAPI scanner fails on constraints placed on
 * record components.
 */
public final class Requests {

    static final int MAX_TEXT = 100_000;

    private Requests() {
    }

    /** A post's rich text; markup beyond plain formatting and links is removed. */
    public static class PostRequest {
        @NotBlank
        @Size(max = MAX_TEXT)
        public String body;
    }

    public static class AssignmentRequest {
        @NotBlank
        @Size(max = 200)
        public String title;

        @NotNull
        @Size(max = MAX_TEXT)
        public String instructions;

        @NotNull
        public OffsetDateTime dueAt;

        public boolean publish;
    }

    public static class SubmissionRequest {
        @NotBlank
        @Size(max = MAX_TEXT)
        public String content;
    }

    public static class FeedbackRequest {
        @NotBlank
        @Size(max = MAX_TEXT)
        public String feedback;
    }

    /** The teaching {@code group} the assessment is set through; its syllabus is the assessment's. */
    public static class AssessmentRequest {
        @NotNull
        @Schema(type = SchemaType.STRING, format = "uuid", description = "the teaching group the assessment is set through")
        public UUID group;

        @NotNull
        @Schema(type = SchemaType.STRING, implementation = Grade.class, description = "the grade, F–A, or NOT_YET_ASSESSED")
        public Grade grade;

        @NotNull
        @Size(max = MAX_TEXT)
        public String comment;

        @Schema(type = SchemaType.BOOLEAN, description = "true shows the assessment to the student and their guardians")
        public boolean publish;
    }

    public static class DevelopmentTalkRequest {
        @NotNull
        @Schema(type = SchemaType.STRING, format = "uuid", description = "the mentor group the talk is held in")
        public UUID group;

        @NotNull
        @Schema(type = SchemaType.STRING, format = "date", description = "the day of the talk; a later day books it")
        public LocalDate heldOn;

        @Size(max = 10)
        public List<UUID> guardians;

        @NotNull
        @Size(max = MAX_TEXT)
        public String notes;

        @NotNull
        @Size(max = MAX_TEXT)
        public String agreedGoals;
    }
}
