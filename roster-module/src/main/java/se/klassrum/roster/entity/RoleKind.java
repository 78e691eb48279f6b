package se.klassrum.roster.entity;

/** What a person is at a school. Stored by name and checked by the database: a new kind needs a migration. */
public enum RoleKind implements Labelled {

    TEACHER("Lärare", "Teacher"),
    MENTOR("Mentor", "Mentor"),
    STUDENT("Elev", "Student"),
    SCHOOL_ADMIN("Skoladministratör", "School administrator"),
    PRINCIPAL("Rektor", "Principal");

    private final String labelSv;
    private final String labelEn;

    RoleKind(String labelSv, String labelEn) {
        this.labelSv = labelSv;
        this.labelEn = labelEn;
    }

    @Override
    public String labelSv() {
        return labelSv;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
