package se.klassrum.roster.entity;

/** A teaching group (undervisningsgrupp, a Microsoft Team) or a mentor group (mentorsgrupp). */
public enum GroupKind implements Labelled {

    TEACHING("Undervisningsgrupp", "Teaching group"),
    MENTOR("Mentorsgrupp", "Mentor group");

    private final String labelSv;
    private final String labelEn;

    GroupKind(String labelSv, String labelEn) {
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
