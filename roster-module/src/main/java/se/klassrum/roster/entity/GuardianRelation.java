package se.klassrum.roster.entity;

/** The relation types of SS 12000, with their Swedish labels as the standard writes them. */
public enum GuardianRelation implements Labelled {

    VARDNADSHAVARE("Vårdnadshavare", "Guardian (custodian)"),
    ANNAN_ANSVARIG("Annan ansvarig", "Other responsible adult"),
    GOD_MAN("God man", "Legal representative (god man)"),
    UTSEDD_BEHORIG("Utsedd behörig", "Appointed authorised person");

    private final String labelSv;
    private final String labelEn;

    GuardianRelation(String labelSv, String labelEn) {
        this.labelSv = labelSv;
        this.labelEn = labelEn;
    }

    /** The label used by SS 12000, e.g. "Vårdnadshavare". */
    @Override
    public String labelSv() {
        return labelSv;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }
}
