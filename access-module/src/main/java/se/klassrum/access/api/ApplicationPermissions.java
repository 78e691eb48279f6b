package se.klassrum.access.api;

import java.util.Set;

/**
 * The application permissions an integration needs, per kind of data and operation; the one place that
 * maps them. Named like Microsoft Graph application permissions, {@code <Area>.Read.All} and
 * {@code <Area>.ReadWrite.All}; a ReadWrite permission also grants reading.
 */
public final class ApplicationPermissions {

    private static final String[] READ = new String[DataKind.values().length];
    private static final String[] READ_WRITE = new String[DataKind.values().length];

    static {
        area(DataKind.STUDENT_PROFILE, "Students");
        area(DataKind.POST, "Posts");
        area(DataKind.ASSIGNMENT, "Assignments");
        area(DataKind.SUBMISSION, "Submissions");
        area(DataKind.ASSESSMENT, "Assessments");
        area(DataKind.DEVELOPMENT_TALK, "DevelopmentTalks");
        area(DataKind.TALK_OFFER, "TalkOffers");
        area(DataKind.TALK_BOOKING, "TalkBookings");
    }

    private static void area(DataKind kind, String area) {
        READ[kind.ordinal()] = area + ".Read.All";
        READ_WRITE[kind.ordinal()] = area + ".ReadWrite.All";
    }

    private ApplicationPermissions() {
    }

    /** The least permission that grants the operation; the one an explanation names. */
    public static String required(DataKind kind, Operation operation) {
        return operation == Operation.READ ? READ[kind.ordinal()] : READ_WRITE[kind.ordinal()];
    }

    public static boolean grants(Set<String> held, DataKind kind, Operation operation) {
        return held.contains(READ_WRITE[kind.ordinal()])
                || operation == Operation.READ && held.contains(READ[kind.ordinal()]);
    }
}
