package se.klassrum.roster.entity;

/** The kinds of roster rows an import counts. Stored by name and checked by the database. */
public enum ImportKind implements Labelled {

    SCHOOL("Skolor", "Schools"),
    PERSON("Personer", "People"),
    SCHOOL_ROLE("Skolroller", "School roles"),
    SUBJECT("Ämnen", "Subjects"),
    SYLLABUS("Kursplaner", "Syllabi"),
    GROUP("Grupper", "Groups"),
    MEMBERSHIP("Gruppmedlemskap", "Group memberships"),
    GUARDIAN_LINK("Vårdnadshavarkopplingar", "Guardian links"),
    /** Counted by the Microsoft Graph sync only: the files carry no licences. */
    LICENCE("Licenser", "Licences"),
    /** A teacher's subject at a school, from the register's activities (SS 12000 only). */
    TEACHER_SUBJECT("Lärares ämnen", "Teachers' subjects");

    private final String labelSv;
    private final String labelEn;

    ImportKind(String labelSv, String labelEn) {
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
