package se.klassrum.web.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
        public UUID group;

        @NotNull
        public Grade grade;

        @NotNull
        @Size(max = MAX_TEXT)
        public String comment;

        public boolean publish;
    }

    public static class DevelopmentTalkRequest {
        @NotNull
        public UUID group;

        @NotNull
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
