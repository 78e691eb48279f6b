package se.klassrum.roster.entity;

/** Microsoft group ownership: teachers own their groups, students are members. */
public enum MembershipRole implements Labelled {

    OWNER("ägare", "owner"),
    MEMBER("medlem", "member");

    private final String labelSv;
    private final String labelEn;

    MembershipRole(String labelSv, String labelEn) {
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
