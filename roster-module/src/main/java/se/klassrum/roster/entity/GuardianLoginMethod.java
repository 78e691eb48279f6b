package se.klassrum.roster.entity;

/**
 * How a guardian signs in to the guardian portal. Guardians have no Entra account, so the school or
 * organiser gives them one of these instead. Stored by name and checked by the database: a new method
 * needs a migration.
 */
public enum GuardianLoginMethod implements Labelled {

    /** An external identity provider, e.g. BankID through an IdP; the subject is the IdP's subject claim. */
    IDP("Identitetsleverantör (t.ex. BankID)", "Identity provider (e.g. BankID)"),
    /** A login by e-mail; the subject is the e-mail address. */
    EMAIL("E-post", "E-mail");

    private final String labelSv;
    private final String labelEn;

    GuardianLoginMethod(String labelSv, String labelEn) {
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
