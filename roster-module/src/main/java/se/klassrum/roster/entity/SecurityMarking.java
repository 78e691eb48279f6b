package se.klassrum.roster.entity;

/** A marking in the population register that makes a person's identity protected. */
public enum SecurityMarking implements Labelled {

    NONE("Ingen", "None"),
    SEKRETESSMARKERING("Sekretessmarkering", "Confidentiality marking"),
    SKYDDAD_FOLKBOKFORING("Skyddad folkbokföring", "Protected population registration");

    private final String labelSv;
    private final String labelEn;

    SecurityMarking(String labelSv, String labelEn) {
        this.labelSv = labelSv;
        this.labelEn = labelEn;
    }

    /** Both markings protect alike: the person must not be shown outside the access paths. */
    public boolean isProtected() {
        return this != NONE;
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
