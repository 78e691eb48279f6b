package se.klassrum.roster.entity;

/** A Microsoft 365 education licence: staff hold a teacher licence, students a student licence. */
public enum LicenceKind implements Labelled {

    TEACHER("lärarlicens", "teacher licence"),
    STUDENT("elevlicens", "student licence");

    private final String labelSv;
    private final String labelEn;

    LicenceKind(String labelSv, String labelEn) {
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
