package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.DevelopmentOverviews;
import se.klassrum.teaching.boundary.DevelopmentOverviews.DevelopmentOverview;
import se.klassrum.teaching.boundary.DevelopmentOverviews.OverviewGroup;
import se.klassrum.teaching.entity.Grade;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The development overview (utvecklingsöversikt) on the pages: {@code /development.xhtml} is "Min utveckling" for
 * the signed-in student and, with {@code ?student=}, the mentor's view of a student's earlier work;
 * {@code /guardian/overview.xhtml?id=} is a guardian's view of their child. All read the same list, decided by the
 * rules; what the caller may not see is answered like a student that does not exist.
 */
@Named
@RequestScoped
public class DevelopmentPage {

    @Inject
    DevelopmentOverviews overviews;

    @Inject
    CallerProvider caller;

    private String student;
    private DevelopmentOverview overview;
    private boolean loaded;
    private boolean signedIn = true;
    private boolean notFound;

    public String getStudent() {
        return student;
    }

    public void setStudent(String student) {
        this.student = student;
    }

    /** The guardian page names the child {@code id}, like the child page. */
    public String getId() {
        return student;
    }

    public void setId(String id) {
        this.student = id;
    }

    public List<OverviewGroup> getGroups() {
        load();
        return overview == null ? List.of() : overview.groups();
    }

    /** The published assessments the caller may see, by subject. */
    public List<DevelopmentOverviews.OverviewSubject> getSubjects() {
        load();
        return overview == null ? List.of() : overview.subjects();
    }

    /** A grade as shown: its letter, or "not yet assessed". */
    public String grade(DevelopmentOverviews.OverviewAssessment assessment) {
        Grade grade = assessment.grade();
        return grade == null || grade == Grade.NOT_YET_ASSESSED ? Texts.text("development.notYetAssessed") : grade.name();
    }

    public boolean isSignedIn() {
        load();
        return signedIn;
    }

    public boolean isNotFound() {
        load();
        return notFound;
    }

    /** Whether the signed-in person reads their own overview: "Min utveckling". */
    public boolean isOwn() {
        UUID me = Forms.me(caller);
        return me != null && (student == null || student.isBlank() || me.equals(Forms.uuid(student)));
    }

    public String day(OffsetDateTime time) {
        return SchoolTime.day(time);
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            UUID studentId = student == null || student.isBlank() ? Forms.me(caller) : Forms.uuid(student);
            if (studentId == null) {
                if (caller.currentActor().isEmpty()) {
                    signedIn = false;
                } else {
                    notFound = true;
                }
                return;
            }
            overview = overviews.overviewOf(studentId);
        } catch (NotSignedInException notSignedIn) {
            signedIn = false;
        } catch (StudentDataNotFoundException unknown) {
            notFound = true;
        }
    }
}
