package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.entity.Grade;

import java.util.List;
import java.util.UUID;

/**
 * {@code /my-assessments.xhtml}: "Mina omdömen", the signed-in student's own assessments per syllabus. The rules
 * ({@link Assessments#ofStudent}, decided per assessment) let a student see only the published ones, so a draft
 * the teacher is still working on never shows here.
 */
@Named
@RequestScoped
public class MyAssessmentsPage {

    /** More than a student has syllabi; the page does not paginate. */
    private static final int SHOWN = 50;

    @Inject
    Assessments assessments;

    @Inject
    CallerProvider caller;

    private List<AssessmentView> mine;
    private boolean signedIn = true;

    public List<AssessmentView> getAssessments() {
        if (mine == null) {
            mine = load();
        }
        return mine;
    }

    public boolean isSignedIn() {
        getAssessments();
        return signedIn;
    }

    public String grade(AssessmentView assessment) {
        Grade grade = assessment.grade();
        return grade == null || grade == Grade.NOT_YET_ASSESSED ? Texts.text("grade.notYetAssessed") : grade.name();
    }

    public String day(AssessmentView assessment) {
        return SchoolTime.day(assessment.updatedAt());
    }

    private List<AssessmentView> load() {
        UUID me = Forms.me(caller);
        if (me == null) {
            signedIn = false;
            return List.of();
        }
        try {
            return assessments.ofStudent(me, Page.first(SHOWN)).items();
        } catch (NotSignedInException notSignedIn) {
            signedIn = false;
            return List.of();
        }
    }
}
