package se.klassrum.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.roster.boundary.RosterDirectory;
import se.klassrum.roster.boundary.RosterDirectory.GroupView;
import se.klassrum.roster.boundary.StudentProfile;
import se.klassrum.roster.boundary.StudentProfiles;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.teaching.boundary.Assessments;
import se.klassrum.teaching.boundary.DevelopmentTalks;
import se.klassrum.teaching.boundary.Views.AssessmentView;
import se.klassrum.teaching.boundary.Views.DevelopmentTalkView;
import se.klassrum.teaching.boundary.Views.GuardianChoice;
import se.klassrum.teaching.entity.Grade;
import se.klassrum.teaching.entity.PublicationStatus;
import se.klassrum.teaching.entity.TeachingException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /student.xhtml?id=…&group=…}: a student as seen from one of the caller's groups. The profile
 * ({@link StudentProfiles#profile}) and the assessments the caller may see, one decision per syllabus
 * ({@link Assessments#ofStudent}). From a teaching group with a syllabus, a grading form that sets the assessment
 * through that group, offered only when {@link Assessments#checkAssess} finds every prerequisite met (otherwise
 * the missing ones are shown). From a mentor group, the development talks and a form to record one, naming those
 * of the student's guardians it invites (all of them unless the mentor chooses) ({@link DevelopmentTalks#guardiansFor}).
 *
 * <p>View-scoped so that the ids from the address survive the posts of the forms.
 */
@Named
@ViewScoped
public class StudentPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN = 50;

    /**
     * A talk as shown: the names of the guardians invited instead of their ids. The pages call its methods
     * ({@code talk.booked()}): Jakarta EL 6 resolves a record's properties from its components only.
     */
    public record Talk(DevelopmentTalkView view, List<String> guardians) {
        public String heldOn() {
            return SchoolTime.day(view.heldOn());
        }

        /** Booked: its day has not come yet. */
        public boolean booked() {
            return view.heldOn().isAfter(SchoolTime.today());
        }

        /** Its day has come and it has neither notes nor agreed goals yet: to be written. */
        public boolean unwritten() {
            return !booked() && (view.notes() == null || view.notes().isBlank())
                    && (view.agreedGoals() == null || view.agreedGoals().isBlank());
        }
    }

    @Inject
    RosterDirectory roster;

    @Inject
    StudentProfiles profiles;

    @Inject
    Assessments assessments;

    @Inject
    DevelopmentTalks talks;

    private String id;
    private String group;

    /** The grading form. */
    private String grade;
    private String comment;
    private boolean publish;

    /** The talk form. */
    private String heldOn;
    private List<String> present = new ArrayList<>();
    /** The mentor has submitted a choice of guardians; until then every active guardian is invited. */
    private boolean presentChosen;
    private String notes;
    private String goals;

    private transient boolean loaded;
    private transient StudentProfile profile;
    private transient GroupView groupView;
    private transient List<AssessmentView> shownAssessments = List.of();
    private transient boolean mayAssess;
    private transient AssessmentView current;
    private transient Denial gradeDenial;
    private transient boolean mayRecordTalk;
    private transient List<GuardianChoice> guardians = List.of();
    private transient List<Talk> shownTalks = List.of();
    private transient Denial talkDenial;
    private transient Denial denial;
    private transient Denial actionDenial;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getGrade() {
        load();
        return grade;
    }

    public void setGrade(String grade) {
        this.grade = grade;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isPublish() {
        return publish;
    }

    public void setPublish(boolean publish) {
        this.publish = publish;
    }

    public String getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(String heldOn) {
        this.heldOn = heldOn;
    }

    public List<String> getPresent() {
        return present;
    }

    public void setPresent(List<String> present) {
        this.present = present == null ? new ArrayList<>() : new ArrayList<>(present);
        presentChosen = true;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getGoals() {
        return goals;
    }

    public void setGoals(String goals) {
        this.goals = goals;
    }

    public StudentProfile getProfile() {
        load();
        return profile;
    }

    public String name() {
        return getProfile() == null ? Texts.text("student.title") : profile.givenName() + " " + profile.familyName();
    }

    public GroupView getGroupView() {
        load();
        return groupView;
    }

    public List<AssessmentView> getAssessments() {
        load();
        return shownAssessments;
    }

    /** The grading form is offered: a teaching group with a syllabus, and every prerequisite met. */
    public boolean isMayAssess() {
        load();
        return mayAssess;
    }

    /** The assessment set through this group in its syllabus, or null when there is none yet. */
    public AssessmentView getCurrent() {
        load();
        return current;
    }

    /** Why the grading form is not offered; null when it is, or when the group is no teaching group with a syllabus. */
    public Denial getGradeDenial() {
        load();
        return gradeDenial;
    }

    /** The group is a mentor group: the development talks section is shown. */
    public boolean isMentorGroup() {
        load();
        return groupView != null && groupView.kind() == GroupKind.MENTOR;
    }

    public boolean isMayRecordTalk() {
        load();
        return mayRecordTalk;
    }

    public List<GuardianChoice> getGuardians() {
        load();
        return guardians;
    }

    public List<Talk> getTalks() {
        load();
        return shownTalks;
    }

    public Denial getTalkDenial() {
        load();
        return talkDenial;
    }

    public Denial getDenial() {
        load();
        return denial;
    }

    public Denial getActionDenial() {
        return actionDenial;
    }

    /** The grades for the select: not yet assessed, then F to A. */
    public List<String> getGrades() {
        return Arrays.stream(Grade.values()).map(Enum::name).toList();
    }

    public String gradeLabel(String name) {
        return Grade.NOT_YET_ASSESSED.name().equals(name) ? Texts.text("grade.notYetAssessed") : name;
    }

    public String grade(AssessmentView assessment) {
        return assessment.grade() == null ? gradeLabel(Grade.NOT_YET_ASSESSED.name()) : gradeLabel(assessment.grade().name());
    }

    public boolean published(AssessmentView assessment) {
        return assessment.status() == PublicationStatus.PUBLISHED;
    }

    public String day(AssessmentView assessment) {
        return SchoolTime.day(assessment.updatedAt());
    }

    public String relation(GuardianChoice guardian) {
        return "en".equals(Texts.locale().getLanguage()) ? guardian.relationEn() : guardian.relationSv();
    }

    public String joined(List<String> names) {
        return String.join(", ", names);
    }

    /** Today, the default and the latest day of a talk. */
    public String getToday() {
        return SchoolTime.day(SchoolTime.today());
    }

    /** Sets (or revises) the assessment through this group; publishing makes it visible to the student and guardians. */
    public String assess() {
        UUID studentId = Forms.uuid(id);
        UUID groupId = Forms.uuid(group);
        GroupView through = getGroupView();
        if (studentId == null || through == null || through.syllabusId() == null) {
            return null;
        }
        Grade chosen = Arrays.stream(Grade.values()).filter(value -> value.name().equals(grade)).findFirst().orElse(null);
        if (chosen == null) {
            Forms.invalid("grading", "grade", "grade.required");
            return null;
        }
        try {
            AssessmentView saved = assessments.assess(studentId, through.syllabusId(), groupId, chosen,
                    EditorText.orEmpty(comment), publish);
            Texts.flash(FacesMessage.SEVERITY_INFO, saved.status() == PublicationStatus.PUBLISHED ? "grade.savedPublished"
                    : "grade.savedDraft", saved.syllabusCode());
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "student.notFound");
            return null;
        }
        return again(studentId, groupId);
    }

    /** Records a development talk held in this mentor group. */
    public String recordTalk() {
        UUID studentId = Forms.uuid(id);
        UUID groupId = Forms.uuid(group);
        if (studentId == null || groupId == null) {
            return null;
        }
        LocalDate day = SchoolTime.parseDay(heldOn);
        boolean booking = day != null && day.isAfter(SchoolTime.today());
        boolean noText = EditorText.isBlank(notes) && EditorText.isBlank(goals);
        boolean valid = true;
        if (day == null) {
            Forms.invalid("talk", "heldOn", "talk.dayRequired");
            valid = false;
        } else if (booking && !noText) {
            // A later day books the talk; its notes are written once it has been held.
            Forms.invalid("talk", "notes", "talk.bookedWithoutNotes");
            valid = false;
        }
        if (!booking && noText) {
            Forms.invalid("talk", "notes", "talk.textRequired");
            valid = false;
        }
        if (!valid) {
            return null;
        }
        List<UUID> chosen = present.stream().map(Forms::uuid).filter(Objects::nonNull).toList();
        try {
            talks.record(groupId, studentId, day, chosen, EditorText.orEmpty(notes), EditorText.orEmpty(goals));
            Texts.flash(FacesMessage.SEVERITY_INFO, booking ? "talk.booked" : "talk.recorded", SchoolTime.day(day));
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "student.notFound");
            return null;
        }
        return again(studentId, groupId);
    }

    /** The notes and goals typed into the write form of each unwritten talk, by the talk's id. */
    private final Map<String, String> writtenNotes = new HashMap<>();
    private final Map<String, String> writtenGoals = new HashMap<>();

    public Map<String, String> getWrittenNotes() {
        return writtenNotes;
    }

    public Map<String, String> getWrittenGoals() {
        return writtenGoals;
    }

    /** Writes the notes of a booked talk whose day has come. */
    public String writeTalk(String talkId) {
        UUID studentId = Forms.uuid(id);
        UUID groupId = Forms.uuid(group);
        UUID talk = Forms.uuid(talkId);
        if (studentId == null || groupId == null || talk == null) {
            return null;
        }
        String written = writtenNotes.get(talkId);
        String agreed = writtenGoals.get(talkId);
        if (EditorText.isBlank(written) && EditorText.isBlank(agreed)) {
            Texts.flash(FacesMessage.SEVERITY_ERROR, "talk.textRequired");
            return null;
        }
        try {
            DevelopmentTalkView saved = talks.write(groupId, studentId, talk, EditorText.orEmpty(written), EditorText.orEmpty(agreed));
            Texts.flash(FacesMessage.SEVERITY_INFO, "talk.recorded", SchoolTime.day(saved.heldOn()));
        } catch (AccessDeniedException | StudentDataNotFoundException | NotSignedInException | TeachingException refused) {
            actionDenial = Refusals.denial(refused, "student.notFound");
            return null;
        }
        return again(studentId, groupId);
    }

    private static String again(UUID studentId, UUID groupId) {
        return "/student.xhtml?faces-redirect=true&id=" + studentId + (groupId == null ? "" : "&group=" + groupId);
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        UUID studentId = Forms.uuid(id);
        UUID groupId = Forms.uuid(group);
        if (studentId == null) {
            denial = Denial.simple("student.notFound");
            return;
        }
        try {
            profile = profiles.profile(studentId);
            groupView = groupId == null ? null : roster.group(groupId);
        } catch (AccessDeniedException denied) {
            denial = Denial.of(denied, Texts.locale());
            return;
        } catch (StudentDataNotFoundException notFound) {
            denial = Denial.simple("student.notFound");
            return;
        } catch (NotSignedInException notSignedIn) {
            denial = Denial.simple("auth.notSignedIn");
            return;
        }
        shownAssessments = assessments.ofStudent(studentId, Page.first(SHOWN)).items();
        if (groupView != null && groupView.kind() == GroupKind.TEACHING && groupView.syllabusId() != null) {
            loadGrading(studentId, groupView);
        }
        if (groupView != null && groupView.kind() == GroupKind.MENTOR) {
            loadTalks(studentId, groupView);
        }
    }

    private void loadGrading(UUID studentId, GroupView through) {
        try {
            assessments.checkAssess(studentId, through.syllabusId(), through.id());
            mayAssess = true;
        } catch (AccessDeniedException denied) {
            gradeDenial = Denial.of(denied, Texts.locale());
            return;
        } catch (TeachingException refused) {
            gradeDenial = new Denial(Texts.text("grade.notThroughGroup"), List.of(Refusals.message(refused)));
            return;
        } catch (StudentDataNotFoundException notFound) {
            gradeDenial = Denial.simple("student.notFound");
            return;
        }
        current = shownAssessments.stream()
                .filter(assessment -> through.syllabusId().equals(assessment.syllabusId())
                        && through.id().equals(assessment.throughGroupId()))
                .findFirst().orElse(null);
        if (grade == null) {
            grade = current == null || current.grade() == null ? Grade.NOT_YET_ASSESSED.name() : current.grade().name();
        }
        if (comment == null && current != null) {
            comment = current.comment().value();
        }
    }

    private void loadTalks(UUID studentId, GroupView mentorGroup) {
        try {
            guardians = talks.guardiansFor(mentorGroup.id(), studentId);
            mayRecordTalk = true;
            if (!presentChosen) {
                // A talk invites every guardian with an active link unless the mentor chooses otherwise.
                present = new ArrayList<>(guardians.stream().map(guardian -> guardian.id().toString()).toList());
            }
        } catch (AccessDeniedException denied) {
            talkDenial = Denial.of(denied, Texts.locale());
        } catch (StudentDataNotFoundException notFound) {
            talkDenial = Denial.simple("student.notFound");
        }
        List<Talk> result = new ArrayList<>();
        for (DevelopmentTalkView talk : talks.ofStudent(studentId, Page.first(SHOWN)).items()) {
            List<String> names = talk.guardianIds().stream()
                    .map(guardianId -> guardians.stream().filter(choice -> choice.id().equals(guardianId))
                            .map(GuardianChoice::name).findFirst().orElse(Texts.text("talk.formerGuardian")))
                    .toList();
            result.add(new Talk(talk, names));
        }
        shownTalks = List.copyOf(result);
        if (heldOn == null) {
            heldOn = getToday();
        }
    }
}
