package se.klassrum.roster.importer;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The file formats a roster import reads. The format of a folder is told by the names of its files. */
public enum ImportFormat {

    /** Microsoft School Data Sync v2.1 CSV: orgs, users, roles, classes, enrollments, ... */
    SDS_V2_1("School Data Sync v2.1 CSV"),
    /** Microsoft School Data Sync v1 ("classic") CSV: School, Section, Student, Teacher, ... */
    SDS_V1("School Data Sync v1 CSV"),
    /** 1EdTech OneRoster 1.1 CSV, bulk or delta, as its manifest.csv says. */
    ONEROSTER_1_1("OneRoster 1.1 CSV"),
    /** 1EdTech OneRoster 1.2 CSV, bulk or delta, as its manifest.csv says. */
    ONEROSTER_1_2("OneRoster 1.2 CSV"),
    /** A student register's SS 12000 v2.1 API, read by the sync rather than from a folder. */
    SS12000_V2_1("SS 12000 v2.1 API");

    private static final Set<String> SDS_V2_1_FILES = Set.of("orgs.csv", "users.csv", "roles.csv", "classes.csv",
            "enrollments.csv", "academicsessions.csv", "courses.csv", "demographics.csv", "userflags.csv",
            "relationships.csv");
    private static final Set<String> SDS_V1_FILES = Set.of("school.csv", "section.csv", "student.csv", "teacher.csv",
            "studentenrollment.csv", "teacherroster.csv");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The format of a folder, from its file names (compared without regard to case). A OneRoster folder has
     * a manifest.csv that names its version; that is read by the OneRoster reader, so this answers
     * ONEROSTER_1_1 for any manifest and the reader corrects the version.
     *
     * @return null if the names fit no format, or more than one
     */
    static ImportFormat detect(Set<String> fileNames) {
        Set<String> names = fileNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        boolean oneRoster = names.contains("manifest.csv");
        boolean sdsV21 = !oneRoster && names.stream().anyMatch(SDS_V2_1_FILES::contains);
        boolean sdsV1 = names.stream().anyMatch(SDS_V1_FILES::contains);
        int matches = (oneRoster ? 1 : 0) + (sdsV21 ? 1 : 0) + (sdsV1 ? 1 : 0);
        if (matches != 1) {
            return null;
        }
        return oneRoster ? ONEROSTER_1_1 : sdsV21 ? SDS_V2_1 : SDS_V1;
    }
}
