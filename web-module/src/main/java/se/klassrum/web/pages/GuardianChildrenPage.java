package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.guardian.boundary.GuardianSessions;
import se.klassrum.guardian.boundary.GuardianView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.entity.Grade;
import se.klassrum.web.security.GuardianCookies;
import se.klassrum.web.security.TokenCaller;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /guardian/children.xhtml}: the guardian's children ({@link GuardianView#children()}, which the access
 * rules decide child by child) and each child's assessments that the guardian may see — the published ones —
 * through {@link Assessments#ofStudent}, decided per assessment. Sign-out ends the session and its cookie.
 */
@Named
@RequestScoped
public class GuardianChildrenPage {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** More than a child has assessments in a term; the page does not paginate. */
    private static final int SHOWN_ASSESSMENTS = 50;

    /** A child and what the guardian may see of their assessments, or why not. */
    public record Child(StudentProfile profile, List<AssessmentView> assessments, Denial denial) {
        public String name() {
            return profile.givenName() + " " + profile.familyName();
        }
    }

    @Inject
    GuardianView guardianView;

    @Inject
    Assessments assessments;

    @Inject
    GuardianSessions sessions;

    private List<Child> children;
    private boolean signedIn = true;

    public List<Child> getChildren() {
        if (children == null) {
            children = load();
        }
        return children;
    }

    public boolean isSignedIn() {
        getChildren();
        return signedIn;
    }

    public String grade(AssessmentView assessment) {
        Grade grade = assessment.grade();
        return grade == null || grade == Grade.NOT_YET_ASSESSED ? Texts.text("guardian.notYetAssessed") : grade.name();
    }

    public String day(AssessmentView assessment) {
        OffsetDateTime time = assessment.updatedAt();
        return time == null ? "" : time.atZoneSameInstant(SCHOOL_ZONE).format(DAY);
    }

    /** Ends the guardian's session and forgets its cookie. */
    public String signOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, Object> cookies = external.getRequestCookieMap();
        if (cookies.get(TokenCaller.GUARDIAN_SESSION_COOKIE) instanceof jakarta.servlet.http.Cookie cookie) {
            sessions.close(cookie.getValue());
        }
        GuardianCookies.setEnded((HttpServletResponse) external.getResponse());
        Texts.flash(jakarta.faces.application.FacesMessage.SEVERITY_INFO, "guardian.signedOut");
        return "/guardian/sign-in.xhtml?faces-redirect=true";
    }

    private List<Child> load() {
        List<StudentProfile> profiles;
        try {
            profiles = guardianView.children();
        } catch (NotSignedInException notSignedIn) {
            signedIn = false;
            return List.of();
        }
        List<Child> result = new ArrayList<>();
        for (StudentProfile profile : profiles) {
            try {
                result.add(new Child(profile, assessments.ofStudent(profile.studentId(), Page.first(SHOWN_ASSESSMENTS)).items(),
                        null));
            } catch (AccessDeniedException denied) {
                result.add(new Child(profile, List.of(), Denial.of(denied, Texts.locale())));
            } catch (StudentDataNotFoundException notFound) {
                result.add(new Child(profile, List.of(), Denial.simple("guardian.childNotFound")));
            }
        }
        return List.copyOf(result);
    }
}
