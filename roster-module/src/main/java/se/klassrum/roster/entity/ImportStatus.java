package se.klassrum.roster.entity;

/** Where an import run stands. Stored by name and checked by the database: a new status needs a migration. */
public enum ImportStatus implements Labelled {

    /** Reading, checking or writing; the run's phase and progress tell how far it is. */
    RUNNING("Pågår", "Running"),
    /** Every change was written in one transaction. */
    SUCCEEDED("Klar", "Succeeded"),
    /** The files were refused before anything was written; the problems say why, each as file:line. */
    REJECTED("Avvisad", "Rejected"),
    /** Writing failed and was rolled back, so nothing was written. */
    FAILED("Misslyckad", "Failed"),
    /** A preview: written, its access impact decided, and rolled back; nothing was kept but the run's record. */
    PREVIEWED("Förhandsgranskad", "Previewed");

    private final String labelSv;
    private final String labelEn;

    ImportStatus(String labelSv, String labelEn) {
        this.labelSv = labelSv;
        this.labelEn = labelEn;
    }

    public boolean isFinished() {
        return this != RUNNING;
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
