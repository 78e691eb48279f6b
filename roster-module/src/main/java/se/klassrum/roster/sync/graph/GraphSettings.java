package se.klassrum.roster.sync.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How Klassrum reaches Microsoft Graph: one application registration (client id and secret, application permissions
 * {@code GroupMember.Read.All}, {@code User.Read.All} and, for education classes, {@code EduRoster.ReadBasic.All},
 * with admin consent in each school organisation's tenant), the Graph and sign-in addresses (Microsoft's by default;
 * another address for a test server or a national cloud), which licences (by SKU part number, e.g.
 * {@code STANDARDWOFFPACK_FACULTY}, or SKU id) count as a teacher's or a student's licence, and how long to wait for
 * an answer. Read from MicroProfile Config in the container (README.md, "Settings").
 */
public record GraphSettings(URI graphUrl, URI loginUrl, String clientId, String clientSecret, Set<String> teacherSkus,
                            Set<String> studentSkus, Duration timeout, int attempts) {

    public static final URI MICROSOFT_GRAPH = URI.create("https://graph.microsoft.com/v1.0/");
    public static final URI MICROSOFT_LOGIN = URI.create("https://login.microsoftonline.com/");
    /** Microsoft 365 / Office 365 education licences for staff, by SKU part number. */
    public static final Set<String> TEACHER_SKUS = Set.of("STANDARDWOFFPACK_FACULTY", "STANDARDWOFFPACK_IW_FACULTY",
            "M365EDU_A3_FACULTY", "M365EDU_A5_FACULTY", "ENTERPRISEPACKPLUS_FACULTY", "ENTERPRISEPREMIUM_FACULTY");
    /** The same for students. */
    public static final Set<String> STUDENT_SKUS = Set.of("STANDARDWOFFPACK_STUDENT", "STANDARDWOFFPACK_IW_STUDENT",
            "M365EDU_A3_STUDENT", "M365EDU_A5_STUDENT", "ENTERPRISEPACKPLUS_STUDENT", "ENTERPRISEPREMIUM_STUDENT");

    public GraphSettings {
        graphUrl = withSlash(Objects.requireNonNull(graphUrl, "graphUrl"));
        loginUrl = withSlash(Objects.requireNonNull(loginUrl, "loginUrl"));
        teacherSkus = Set.copyOf(teacherSkus);
        studentSkus = Set.copyOf(studentSkus);
        Objects.requireNonNull(timeout, "timeout");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Whether a client id and secret are set; without them nothing is synchronised. */
    public boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    private static URI withSlash(URI uri) {
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }
}
