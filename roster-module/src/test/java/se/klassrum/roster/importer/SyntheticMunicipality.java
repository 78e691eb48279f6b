package se.klassrum.roster.importer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic municipality the size of Stockholm in Microsoft School Data Sync v2.1 CSV (the ten files and the
 * columns of the sample set in {@code shared/data/sds-v2.1}), together with a second full set, the "delta", in
 * which about 1 % of the rows differ. Not a test; the benchmark {@code ImportScaleBenchmark} imports both.
 * <p>
 * <b>Deterministic:</b> every value follows from the seed, the school year and the size: the structure (schools,
 * sections, teachers, families) from a few small arrays computed up front, every person's and row's particulars
 * and every change of the delta from a hash of (seed, kind, index). The same arguments give byte-identical files.
 * <p>
 * <b>Streaming:</b> each file is written in one pass, row by row, to the full set and the delta at once; no rows
 * are held in memory, only per-school, per-section and per-family numbers (a few hundred kilobytes).
 * <p>
 * <b>The municipality</b> ({@link Size#STOCKHOLM}): 177 schools under one district org, 150 compulsory schools
 * (grades F-9) and 27 upper secondary schools (years 1-3); students in sections of about 27; every section
 * has 8 teaching groups (6 for the school year, one for the autumn term, one for the spring term), each with a
 * course (course code and subject code, e.g. MATMAT01c of MAT), so about 8 student enrollments per student. Staff:
 * teachers (each teaching a block of groups of one subject; 12 % also teach at a second school, 8 % of groups have a
 * second teacher), one principal per school and other staff (assistants, nurses, office staff; their roles give
 * nothing in Klassrum). Guardians come in families: 1-3 children (siblings at any school), 1 or 2 guardians; 1 %
 * of families also name a relative.
 * <p>
 * <b>The delta</b>, as the register's next nightly full upload: 0.35 % of students left (every row of theirs
 * gone; guardians whose children all left are gone too), a new student joins 9 % of sections (with a new family),
 * 0.3 % of student enrollments move to the same subject's group of the next section of the grade, 0.5 % of
 * teachers are replaced by a new teacher who takes over their roles and groups, 0.2 % of people change family
 * name and 0.2 % of groups are renamed.
 */
public final class SyntheticMunicipality {

    /** The size of a municipality. Staff = teachers + one principal per school + other staff. */
    public record Size(int schools, int upperSecondarySchools, int students, int upperSecondaryStudents, int teachers,
                       int otherStaff, int guardians) {

        /** Stockholm: 177 schools, 140 000 students, 23 500 staff, 200 000 guardians. */
        public static final Size STOCKHOLM = new Size(177, 27, 140_000, 32_000, 18_000, 5_323, 200_000);

        /** A smaller (or larger) municipality of the same shape, e.g. 0.05 for a quick try. */
        public Size scaled(double factor) {
            int allSchools = Math.max(2, (int) Math.round(schools * factor));
            int upper = Math.max(1, Math.min(allSchools - 1, (int) Math.round(upperSecondarySchools * factor)));
            int allStudents = Math.max(100, (int) Math.round(students * factor));
            return new Size(allSchools, upper, allStudents,
                    (int) Math.round((double) allStudents * upperSecondaryStudents / students),
                    Math.max(allSchools, (int) Math.round(teachers * factor)),
                    Math.max(allSchools, (int) Math.round(otherStaff * factor)),
                    (int) Math.round((double) allStudents * guardians / students));
        }

        public int staff() {
            return teachers + schools + otherStaff;
        }
    }

    /** Rows of one file: in the full set, in the delta, and how the delta differs. */
    public record FileRows(String file, long full, long delta, long removed, long added, long changed) {
    }

    /**
     * What was written.
     *
     * @param studentEnrollments  student rows of enrollments.csv in the full set
     * @param teacherEnrollments  rows of enrollments.csv with role teacher in the full set
     * @param guardianLinks       parent/guardian rows of relationships.csv in the full set
     */
    public record Stats(Size size, int schoolYear, long seed, int sections, int classes, int courses,
                        long studentEnrollments, long teacherEnrollments, long guardianLinks, List<FileRows> files) {

        public long fullRows() {
            return files.stream().mapToLong(FileRows::full).sum();
        }

        /** Rows of the full set that the delta removed, added or changed. */
        public long differingRows() {
            return files.stream().mapToLong(f -> f.removed() + f.added() + f.changed()).sum();
        }
    }

    // Kinds of hash, so that different decisions about the same index are independent.
    private static final int SCHOOL_WEIGHT = 1, GIVEN = 2, SURNAME = 3, SEX = 4, BIRTH = 5, MULTI_SCHOOL = 6,
            CO_TEACHER = 7, VISITOR = 8, AIDE = 9, STAFF_KIND = 10, HIRED = 11, FLAG = 12, GUARDIAN_ROLE = 13,
            RELATIVE = 14, SECOND_SURNAME = 15, PHONE = 16, LEAVES = 17, MOVES = 18, NEWCOMER = 19,
            REPLACED = 20, RENAMED = 21, CLASS_RENAMED = 22, NEW_SECOND_GUARDIAN = 23;
    // Whose index a hash is about: kept apart so that student 7 and teacher 7 are not alike.
    private static final long STUDENT = 0, STAFF = 1L << 40, GUARDIAN = 2L << 40, CLASS = 3L << 40,
            SECTION = 4L << 40, FAMILY = 5L << 40;
    /** Added to the index of whoever a newcomer of the delta stands in for (a section, a replaced teacher). */
    private static final long NEWCOMER_PERSON = 1L << 50;

    private static final int CLASSES_PER_SECTION = 8;
    private static final int SECTION_SIZE = 27;

    private static final String DISTRICT = "STHLM";

    private static final String[] AREAS = {"Bagarmossen", "Bromma", "Enskede", "Farsta", "Hägersten", "Hässelby",
            "Kista", "Kungsholmen", "Liljeholmen", "Norrmalm", "Skarpnäck", "Skärholmen", "Spånga", "Södermalm",
            "Tensta", "Vasastan", "Älvsjö", "Östermalm", "Årsta", "Rinkeby", "Hammarby", "Gubbängen", "Hökarängen",
            "Sköndal", "Vällingby", "Blackeberg", "Aspudden", "Midsommarkransen", "Fruängen", "Västberga", "Gröndal",
            "Hornstull", "Reimersholme", "Essingen", "Alvik", "Abrahamsberg", "Åkeshov", "Johanneshov", "Gamla stan",
            "Husby"};
    private static final String[] GIVEN_FEMALE = {"Alice", "Maja", "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Selma",
            "Ebba", "Alma", "Lilly", "Agnes", "Stella", "Ella", "Vera", "Saga", "Juni", "Signe", "Ines", "Nora", "Tyra",
            "Märta", "Åsa", "Linnéa", "Amira", "Leila", "Zeynep", "Sofia", "Anna", "Eva", "Karin", "Maria", "Lena",
            "Kristina", "Birgitta", "Ingrid", "Sara", "Emma", "Johanna", "Hanna"};
    private static final String[] GIVEN_MALE = {"Noah", "William", "Hugo", "Liam", "Lucas", "Oliver", "Elias", "Adam",
            "Matteo", "Nils", "Vincent", "Alexander", "Leo", "Theo", "Ludvig", "Olle", "Måns", "Björn", "Göran", "Åke",
            "Jöns", "Omar", "Ali", "Yusuf", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Jonas", "Fredrik",
            "Daniel", "Henrik", "Magnus", "Mattias", "Stefan", "Andreas", "Viktor"};
    private static final String[] SURNAMES = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
            "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
            "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Axelsson",
            "Berg", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson",
            "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin",
            "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson",
            "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg", "Blomqvist", "Claesson",
            "Nordström", "Mårtensson", "Lundström", "Åberg", "Öberg", "Ängström", "Ali", "Mohamed", "Hassan", "Yilmaz",
            "Nguyen", "Kowalski", "Rodríguez", "Berg af Klint", "Ek"};
    private static final String[] OTHER_STAFF_ROLES = {"teacherAssistant", "teacherAssistant", "officeStaff",
            "administrator", "nurse", "specialServices", "itAdmin", "staff"};
    private static final String[] FLAGS = {"iep", "ell", "504", "freeLunch"};

    private record Course(String code, String title, String subject) {
    }

    private static final Course[] COMPULSORY_CORE = {
            new Course("GRGRSVE01", "Svenska", "SVE"), new Course("GRGRMAT01", "Matematik", "MAT"),
            new Course("GRGRENG01", "Engelska", "ENG"), new Course("GRGRIDH01", "Idrott och hälsa", "IDH")};
    private static final Course[] COMPULSORY_ROTATING = {
            new Course("GRGRBIO01", "Biologi", "BIO"), new Course("GRGRFYS01", "Fysik", "FYS"),
            new Course("GRGRKEM01", "Kemi", "KEM"), new Course("GRGRGEO01", "Geografi", "GEO"),
            new Course("GRGRHIS01", "Historia", "HIS"), new Course("GRGRREL01", "Religionskunskap", "REL"),
            new Course("GRGRSAM01", "Samhällskunskap", "SAM"), new Course("GRGRMUS01", "Musik", "MUS"),
            new Course("GRGRBIL01", "Bild", "BIL"), new Course("GRGRSLJ01", "Slöjd", "SLJ"),
            new Course("GRGRTEK01", "Teknik", "TEK"), new Course("GRGRHKK01", "Hem- och konsumentkunskap", "HKK"),
            new Course("GRGRMOD01", "Moderna språk", "MOD")};
    /** Upper secondary courses by year (1-3), slot by slot: 6 for the year, the 7th in autumn, the 8th in spring. */
    private static final Course[][] UPPER_SECONDARY = {
            {new Course("SVESVE01", "Svenska 1", "SVE"), new Course("MATMAT01c", "Matematik 1c", "MAT"),
                    new Course("ENGENG05", "Engelska 5", "ENG"), new Course("IDRIDR01", "Idrott och hälsa 1", "IDR"),
                    new Course("HISHIS01b", "Historia 1b", "HIS"), new Course("SAMSAM01b", "Samhällskunskap 1b", "SAM"),
                    new Course("NAKNAK01a1", "Naturkunskap 1a1", "NAK"), new Course("MODSPA01", "Spanska 1", "MOD")},
            {new Course("SVESVE02", "Svenska 2", "SVE"), new Course("MATMAT02c", "Matematik 2c", "MAT"),
                    new Course("ENGENG06", "Engelska 6", "ENG"), new Course("FYSFYS01a", "Fysik 1a", "FYS"),
                    new Course("KEMKEM01", "Kemi 1", "KEM"), new Course("BIOBIO01", "Biologi 1", "BIO"),
                    new Course("FILFIL01", "Filosofi 1", "FIL"), new Course("PSKPSY01", "Psykologi 1", "PSK")},
            {new Course("SVESVE03", "Svenska 3", "SVE"), new Course("MATMAT03c", "Matematik 3c", "MAT"),
                    new Course("ENGENG07", "Engelska 7", "ENG"), new Course("FYSFYS02", "Fysik 2", "FYS"),
                    new Course("KEMKEM02", "Kemi 2", "KEM"), new Course("RELREL01", "Religionskunskap 1", "REL"),
                    new Course("HISHIS02a", "Historia 2a", "HIS"), new Course("SAMSAM02", "Samhällskunskap 2", "SAM")}};

    /** A class of students in one grade of one school; its 8 teaching groups are classes.csv rows. */
    private record Section(int school, int grade, int firstStudent, int students, int indexInGrade,
                           int sectionsInGrade, int firstOfGrade) {
    }

    private final long seed;
    private final int schoolYear;
    private final Size size;

    private final String yearSession;
    private final String autumnSession;
    private final String springSession;
    private final LocalDate yearStart;
    private final LocalDate yearEnd;

    private final int compulsorySchools;
    private final List<Section> sections = new ArrayList<>();
    private final int[] schoolFirstSection;
    private final int[] schoolSections;
    private final int[] teacherStart;
    private final int[] teacherCount;
    private final int[] otherStaffStart;
    private final int[] otherStaffCount;
    /** Per school: the teachers of the school before it who also teach here. */
    private final int[][] visitors;

    private final int families;
    private final int[] familyStart;
    private final byte[] familySize;
    private final int[] familyGuardianStart;
    private final byte[] familyGuardians;
    private final int[] familyOfStudent;
    private final long permutationFactor;
    private final long permutationOffset;

    private SyntheticMunicipality(long seed, int schoolYear, Size size) {
        this.seed = seed;
        this.schoolYear = schoolYear;
        this.size = size;
        String nextShort = String.format(Locale.ROOT, "%02d", (schoolYear + 1) % 100);
        yearSession = "LA" + schoolYear + "-" + nextShort;
        autumnSession = "HT" + schoolYear;
        springSession = "VT" + (schoolYear + 1);
        yearStart = LocalDate.of(schoolYear, 8, 17);
        yearEnd = LocalDate.of(schoolYear + 1, 6, 11);

        int schools = size.schools();
        compulsorySchools = schools - size.upperSecondarySchools();
        int[] studentsAt = new int[schools];
        distribute(size.students() - size.upperSecondaryStudents(), 0, compulsorySchools, studentsAt);
        distribute(size.upperSecondaryStudents(), compulsorySchools, schools, studentsAt);

        schoolFirstSection = new int[schools];
        schoolSections = new int[schools];
        int student = 0;
        for (int k = 0; k < schools; k++) {
            schoolFirstSection[k] = sections.size();
            int firstGrade = firstGrade(k);
            int grades = k < compulsorySchools ? 10 : 3;
            for (int g = 0; g < grades; g++) {
                int inGrade = share(studentsAt[k], grades, g);
                if (inGrade == 0) {
                    continue;
                }
                int count = Math.max(1, (int) Math.round(inGrade / (double) SECTION_SIZE));
                int first = sections.size();
                for (int i = 0; i < count; i++) {
                    int n = share(inGrade, count, i);
                    sections.add(new Section(k, firstGrade + g, student, n, i, count, first));
                    student += n;
                }
            }
            schoolSections[k] = sections.size() - schoolFirstSection[k];
        }

        // Teachers by the number of groups of their school; every school has at least one.
        long[] weights = new long[schools];
        for (int k = 0; k < schools; k++) {
            weights[k] = Math.max(1, schoolSections[k]);
        }
        teacherCount = apportion(size.teachers(), weights);
        teacherStart = prefix(teacherCount, 0);
        otherStaffCount = apportion(size.otherStaff(), ones(schools));
        otherStaffStart = prefix(otherStaffCount, size.teachers() + schools);
        visitors = new int[schools][];
        for (int k = 0; k < schools; k++) {
            int from = Math.floorMod(k - 1, schools);
            List<Integer> list = new ArrayList<>();
            for (int t = teacherStart[from]; t < teacherStart[from] + teacherCount[from]; t++) {
                if (multiSchool(t)) {
                    list.add(t);
                }
            }
            visitors[k] = list.stream().mapToInt(Integer::intValue).toArray();
        }

        // Families: 1-3 children, 1-2 guardians, exactly size.students() children and size.guardians() guardians.
        int students = size.students();
        families = students * 3 / 4;
        int three = families / 21;
        int two = Math.max(0, students - families - 2 * three);
        int one = families - two - three;
        int twoGuardians = Math.max(0, Math.min(families, size.guardians() - families));
        familyStart = new int[families];
        familySize = new byte[families];
        familyGuardianStart = new int[families];
        familyGuardians = new byte[families];
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_FA31L);
        int position = 0;
        int guardian = 0;
        for (int f = 0; f < families; f++) {
            int left = one + two + three;
            int draw = random.nextInt(left);
            int children;
            if (draw < one) {
                children = 1;
                one--;
            } else if (draw < one + two) {
                children = 2;
                two--;
            } else {
                children = 3;
                three--;
            }
            if (f == families - 1) {
                children = students - position;
            }
            boolean both = random.nextInt(families - f) < twoGuardians;
            if (both) {
                twoGuardians--;
            }
            familyStart[f] = position;
            familySize[f] = (byte) children;
            familyGuardianStart[f] = guardian;
            familyGuardians[f] = (byte) (both ? 2 : 1);
            position += children;
            guardian += both ? 2 : 1;
        }
        // Siblings are spread over the municipality: the n-th child of the family walk is student perm(n).
        long factor = Math.max(1, (long) (students * 0.6180339887)) | 1;
        while (gcd(factor, students) != 1) {
            factor += 2;
        }
        permutationFactor = factor;
        permutationOffset = students / 3;
        familyOfStudent = new int[students];
        for (int f = 0; f < families; f++) {
            for (int i = 0; i < familySize[f]; i++) {
                familyOfStudent[child(familyStart[f] + i)] = f;
            }
        }
    }

    /**
     * Writes the full set into {@code full} and the delta into {@code delta} (both created; files in them replaced).
     *
     * @param schoolYear the first calendar year of the school year the files describe, e.g. 2026 for 2026/27
     */
    public static Stats write(Path full, Path delta, long seed, int schoolYear, Size size) {
        return new SyntheticMunicipality(seed, schoolYear, size).write(full, delta);
    }

    /** Writes the Stockholm-sized set: {@code java ... SyntheticMunicipality <folder> [seed] [school year]}. */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/synthetic-municipality");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 12_000L;
        LocalDate today = LocalDate.now(RosterImporter.SCHOOL_ZONE);
        int year = args.length > 2 ? Integer.parseInt(args[2])
                : today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        Stats stats = write(folder.resolve("full"), folder.resolve("delta"), seed, year, Size.STOCKHOLM);
        stats.files().forEach(System.out::println);
    }

    private Stats write(Path full, Path delta) {
        try {
            Files.createDirectories(full);
            Files.createDirectories(delta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, FileRows> files = new LinkedHashMap<>();
        Out out = new Out(full, delta, files);
        writeSessions(out);
        writeOrgs(out);
        int courses = writeCourses(out);
        writeClasses(out);
        writeUsers(out);
        writeRoles(out);
        long[] enrollments = writeEnrollments(out);
        writeDemographics(out);
        writeUserFlags(out);
        long links = writeRelationships(out);
        return new Stats(size, schoolYear, seed, sections.size(), sections.size() * CLASSES_PER_SECTION, courses,
                enrollments[0], enrollments[1], links, List.copyOf(files.values()));
    }

    // ---------------------------------------------------------------- files

    private void writeSessions(Out out) {
        try (Pair file = out.file("academicSessions.csv", "sourcedId,title,type,schoolYear,startDate,endDate")) {
            String year = String.valueOf(schoolYear + 1);
            file.both(yearSession, "Läsåret " + schoolYear + "/" + String.format(Locale.ROOT, "%02d", (schoolYear + 1) % 100),
                    "schoolYear", year, yearStart.toString(), yearEnd.toString());
            file.both(autumnSession, "Hösttermin " + schoolYear, "term", year, yearStart.toString(),
                    LocalDate.of(schoolYear, 12, 22).toString());
            file.both(springSession, "Vårtermin " + (schoolYear + 1), "term", year,
                    LocalDate.of(schoolYear + 1, 1, 11).toString(), yearEnd.toString());
        }
    }

    private void writeOrgs(Out out) {
        try (Pair file = out.file("orgs.csv", "sourcedId,name,type,parentSourcedId")) {
            file.both(DISTRICT, "Stockholms stad (syntetisk)", "district", "");
            for (int k = 0; k < size.schools(); k++) {
                file.both(schoolId(k), schoolName(k), "school", DISTRICT);
            }
        }
    }

    private int writeCourses(Out out) {
        int count = 0;
        try (Pair file = out.file("courses.csv", "sourcedId,orgSourcedId,title,code,schoolYearSourcedId,subject,grade")) {
            for (int k = 0; k < size.schools(); k++) {
                Map<String, String[]> atSchool = new LinkedHashMap<>();
                int grades = k < compulsorySchools ? 10 : 3;
                for (int g = firstGrade(k); g < firstGrade(k) + grades; g++) {
                    for (int slot = 0; slot < CLASSES_PER_SECTION; slot++) {
                        Course course = course(k, g, slot);
                        String grade = k < compulsorySchools ? "" : String.valueOf(g);
                        atSchool.putIfAbsent(course.code(), new String[]{courseId(k, course), schoolId(k), course.title(),
                                course.code(), yearSession, course.subject(), grade});
                    }
                }
                for (String[] row : atSchool.values()) {
                    file.both(row);
                    count++;
                }
            }
        }
        return count;
    }

    private void writeClasses(Out out) {
        try (Pair file = out.file("classes.csv", "sourcedId,orgSourcedId,title,sessionSourcedIds,courseSourcedId")) {
            for (int q = 0; q < sections.size(); q++) {
                Section section = sections.get(q);
                for (int slot = 0; slot < CLASSES_PER_SECTION; slot++) {
                    int c = q * CLASSES_PER_SECTION + slot;
                    Course course = course(section.school(), section.grade(), slot);
                    String title = classTitle(section, course);
                    String[] row = {classId(c), schoolId(section.school()), title, session(slot),
                            courseId(section.school(), course)};
                    if (chance(CLASS_RENAMED, CLASS + c, 0.002)) {
                        String[] renamed = row.clone();
                        renamed[2] = title + " (grupp " + (1 + pick(CLASS_RENAMED, CLASS + c, 4)) + ")";
                        file.changed(row, renamed);
                    } else {
                        file.both(row);
                    }
                }
            }
        }
    }

    private void writeUsers(Out out) {
        try (Pair file = out.file("users.csv",
                "sourcedId,username,givenName,familyName,password,activeDirectoryMatchId,email,phone,sms")) {
            for (int t = 0; t < size.staff(); t++) {
                String id = staffId(t);
                String given = given(STAFF + t);
                String family = SURNAMES[pick(SURNAME, STAFF + t, SURNAMES.length)];
                String email = id.toLowerCase(Locale.ROOT) + "@stockholm.example";
                String[] row = {id, email, given, family, "", email, email, "", ""};
                if (replaced(t)) {
                    file.fullOnly(row);
                    String newId = replacementId(t);
                    String newEmail = newId.toLowerCase(Locale.ROOT) + "@stockholm.example";
                    file.deltaOnly(newId, newEmail, given(NEWCOMER_PERSON + STAFF + t),
                            SURNAMES[pick(SURNAME, NEWCOMER_PERSON + STAFF + t, SURNAMES.length)], "", newEmail, newEmail,
                            "", "");
                } else {
                    person(file, row, STAFF + t);
                }
            }
            for (Section section : sections) {
                for (int s = section.firstStudent(); s < section.firstStudent() + section.students(); s++) {
                    String id = studentId(s);
                    String email = id.toLowerCase(Locale.ROOT) + "@elev.stockholm.example";
                    String[] row = {id, email, given(STUDENT + s), SURNAMES[familySurname(familyOfStudent[s])], "", email,
                            email, "", ""};
                    if (leaves(s)) {
                        file.fullOnly(row);
                    } else {
                        person(file, row, STUDENT + s);
                    }
                }
            }
            for (int q = 0; q < sections.size(); q++) {
                if (hasNewcomer(q)) {
                    String id = newcomerId(q);
                    String email = id.toLowerCase(Locale.ROOT) + "@elev.stockholm.example";
                    String family = SURNAMES[pick(SURNAME, NEWCOMER_PERSON + SECTION + q, SURNAMES.length)];
                    file.deltaOnly(id, email, given(NEWCOMER_PERSON + q), family, "", email, email, "", "");
                    for (int i = 0; i < newcomerGuardians(q); i++) {
                        String guardian = newcomerGuardianId(q, i);
                        String mail = guardian.toLowerCase(Locale.ROOT) + "@hem.example";
                        file.deltaOnly(guardian, mail, given(NEWCOMER_PERSON + GUARDIAN + q * 2L + i),
                                i == 0 ? family : SURNAMES[pick(SECOND_SURNAME, NEWCOMER_PERSON + q, SURNAMES.length)],
                                "", "", mail, phone(NEWCOMER_PERSON + GUARDIAN + q * 2L + i), "");
                    }
                }
            }
            for (int f = 0; f < families; f++) {
                boolean gone = familyGone(f);
                for (int i = 0; i < familyGuardians[f]; i++) {
                    int g = familyGuardianStart[f] + i;
                    String id = guardianId(g);
                    String mail = id.toLowerCase(Locale.ROOT) + "@hem.example";
                    String family = i == 0 || !chance(SECOND_SURNAME, GUARDIAN + g, 0.4)
                            ? SURNAMES[familySurname(f)] : SURNAMES[pick(SURNAME, GUARDIAN + g, SURNAMES.length)];
                    String[] row = {id, mail, given(GUARDIAN + g), family, "", "", mail, phone(GUARDIAN + g), ""};
                    if (gone) {
                        file.fullOnly(row);
                    } else {
                        person(file, row, GUARDIAN + g);
                    }
                }
            }
        }
    }

    /** A person in both sets, with a new family name in the delta for 0.2 % of people. */
    private void person(Pair file, String[] row, long who) {
        if (!chance(RENAMED, who, 0.002)) {
            file.both(row);
            return;
        }
        String[] renamed = row.clone();
        int now = indexOf(SURNAMES, row[3]);
        renamed[3] = SURNAMES[(Math.max(0, now) + 1 + pick(RENAMED, who, SURNAMES.length - 1)) % SURNAMES.length];
        file.changed(row, renamed);
    }

    private void writeRoles(Out out) {
        try (Pair file = out.file("roles.csv",
                "userSourcedId,orgSourcedId,role,sessionSourcedId,grade,isPrimary,roleStartDate,roleEndDate")) {
            for (int k = 0; k < size.schools(); k++) {
                for (int t = teacherStart[k]; t < teacherStart[k] + teacherCount[k]; t++) {
                    String[] home = {staffId(t), schoolId(k), "teacher", "", "", "TRUE", hired(t).toString(), ""};
                    String[] second = multiSchool(t)
                            ? new String[]{staffId(t), schoolId((k + 1) % size.schools()), "teacher", "", "", "FALSE",
                            yearStart.minusDays(16).toString(), ""}
                            : null;
                    if (replaced(t)) {
                        file.fullOnly(home);
                        // The new teacher's first day is not in the register yet: it starts on the import date.
                        file.deltaOnly(replacementId(t), schoolId(k), "teacher", "", "", "TRUE", "", "");
                        if (second != null) {
                            file.fullOnly(second);
                            file.deltaOnly(replacementId(t), second[1], "teacher", "", "", "FALSE", "", "");
                        }
                    } else {
                        file.both(home);
                        if (second != null) {
                            file.both(second);
                        }
                    }
                }
                int principal = size.teachers() + k;
                file.both(staffId(principal), schoolId(k), "principal", "", "", "TRUE", hired(principal).toString(), "");
                for (int t = otherStaffStart[k]; t < otherStaffStart[k] + otherStaffCount[k]; t++) {
                    file.both(staffId(t), schoolId(k), OTHER_STAFF_ROLES[pick(STAFF_KIND, STAFF + t,
                            OTHER_STAFF_ROLES.length)], "", "", "TRUE", hired(t).toString(), "");
                }
            }
            for (int q = 0; q < sections.size(); q++) {
                Section section = sections.get(q);
                String school = schoolId(section.school());
                String grade = gradeCode(section.grade());
                for (int s = section.firstStudent(); s < section.firstStudent() + section.students(); s++) {
                    String[] row = {studentId(s), school, "student", yearSession, grade, "TRUE", yearStart.toString(),
                            yearEnd.toString()};
                    if (leaves(s)) {
                        file.fullOnly(row);
                    } else {
                        file.both(row);
                    }
                }
                if (hasNewcomer(q)) {
                    // Joined during the year: the role's dates come from its session.
                    file.deltaOnly(newcomerId(q), school, "student", yearSession, grade, "TRUE", "", "");
                }
            }
        }
    }

    /** @return student enrollments and teacher enrollments of the full set */
    private long[] writeEnrollments(Out out) {
        long students = 0;
        long teachers = 0;
        try (Pair file = out.file("enrollments.csv", "classSourcedId,userSourcedId,role")) {
            for (int q = 0; q < sections.size(); q++) {
                Section section = sections.get(q);
                int k = section.school();
                for (int slot = 0; slot < CLASSES_PER_SECTION; slot++) {
                    int c = q * CLASSES_PER_SECTION + slot;
                    String classId = classId(c);
                    // Subject-major order within the school: a teacher takes a block of groups of one subject.
                    int ordinal = slot * schoolSections[k] + (q - schoolFirstSection[k]);
                    int classesHere = schoolSections[k] * CLASSES_PER_SECTION;
                    int local = (int) ((long) ordinal * teacherCount[k] / classesHere);
                    teachers += teacher(file, classId, teacherStart[k] + local);
                    if (teacherCount[k] > 1 && chance(CO_TEACHER, CLASS + c, 0.08)) {
                        teachers += teacher(file, classId, teacherStart[k] + (local + teacherCount[k] / 2) % teacherCount[k]);
                    }
                    if (visitors[k].length > 0 && chance(VISITOR, CLASS + c, 0.06)) {
                        teachers += teacher(file, classId, visitors[k][pick(VISITOR, CLASS + c, visitors[k].length)]);
                    }
                    if (otherStaffCount[k] > 0 && chance(AIDE, CLASS + c, 0.02)) {
                        file.both(classId, staffId(otherStaffStart[k] + pick(AIDE, CLASS + c, otherStaffCount[k])), "aide");
                    }
                    for (int s = section.firstStudent(); s < section.firstStudent() + section.students(); s++) {
                        String[] row = {classId, studentId(s), "student"};
                        students++;
                        if (leaves(s) || moves(s, slot, section)) {
                            file.fullOnly(row);
                        } else {
                            file.both(row);
                        }
                    }
                    if (section.sectionsInGrade() > 1) {
                        Section before = sections.get(section.firstOfGrade()
                                + Math.floorMod(section.indexInGrade() - 1, section.sectionsInGrade()));
                        for (int s = before.firstStudent(); s < before.firstStudent() + before.students(); s++) {
                            if (!leaves(s) && moves(s, slot, before)) {
                                file.deltaOnly(classId, studentId(s), "student");
                            }
                        }
                    }
                    if (hasNewcomer(q)) {
                        file.deltaOnly(classId, newcomerId(q), "student");
                    }
                }
            }
        }
        return new long[]{students, teachers};
    }

    private int teacher(Pair file, String classId, int t) {
        if (replaced(t)) {
            file.fullOnly(classId, staffId(t), "teacher");
            file.deltaOnly(classId, replacementId(t), "teacher");
        } else {
            file.both(classId, staffId(t), "teacher");
        }
        return 1;
    }

    private void writeDemographics(Out out) {
        try (Pair file = out.file("demographics.csv",
                "userSourcedId,sex,birthDate,birthCity,birthState,birthCountry,ethnicityCodes,raceCodes")) {
            for (int t = 0; t < size.staff(); t++) {
                LocalDate born = LocalDate.of(1960, 1, 1).plusDays(pick(BIRTH, STAFF + t, 40 * 365));
                String[] row = {staffId(t), sex(STAFF + t), born.toString(), "", "", "", "", ""};
                if (replaced(t)) {
                    file.fullOnly(row);
                    file.deltaOnly(replacementId(t), sex(NEWCOMER_PERSON + STAFF + t),
                            LocalDate.of(1970, 1, 1).plusDays(pick(BIRTH, NEWCOMER_PERSON + STAFF + t, 25 * 365)).toString(),
                            "", "", "", "", "");
                } else {
                    file.both(row);
                }
            }
            for (int q = 0; q < sections.size(); q++) {
                Section section = sections.get(q);
                for (int s = section.firstStudent(); s < section.firstStudent() + section.students(); s++) {
                    String[] row = {studentId(s), sex(STUDENT + s), born(section.grade(), STUDENT + s).toString(),
                            "", "", "", "", ""};
                    if (leaves(s)) {
                        file.fullOnly(row);
                    } else {
                        file.both(row);
                    }
                }
                if (hasNewcomer(q)) {
                    file.deltaOnly(newcomerId(q), sex(NEWCOMER_PERSON + q),
                            born(section.grade(), NEWCOMER_PERSON + q).toString(), "", "", "", "", "");
                }
            }
        }
    }

    private void writeUserFlags(Out out) {
        try (Pair file = out.file("userFlags.csv", "userSourcedId,flag")) {
            for (int s = 0; s < size.students(); s++) {
                if (chance(FLAG, STUDENT + s, 0.03)) {
                    String[] row = {studentId(s), FLAGS[pick(FLAG, STUDENT + s, FLAGS.length)]};
                    if (leaves(s)) {
                        file.fullOnly(row);
                    } else {
                        file.both(row);
                    }
                }
            }
        }
    }

    /** @return the guardian and parent rows of the full set */
    private long writeRelationships(Out out) {
        long links = 0;
        try (Pair file = out.file("relationships.csv", "userSourcedId,relationshipUserSourcedId,relationshipRole")) {
            for (int f = 0; f < families; f++) {
                String role = chance(GUARDIAN_ROLE, FAMILY + f, 0.15) ? "parent" : "guardian";
                for (int i = 0; i < familySize[f]; i++) {
                    int s = child(familyStart[f] + i);
                    for (int j = 0; j < familyGuardians[f]; j++) {
                        String[] row = {studentId(s), guardianId(familyGuardianStart[f] + j), role};
                        links++;
                        if (leaves(s)) {
                            file.fullOnly(row);
                        } else {
                            file.both(row);
                        }
                    }
                }
                if (f > 0 && chance(RELATIVE, FAMILY + f, 0.01)) {
                    // A relative (no custody): the first guardian of the family before.
                    int s = child(familyStart[f]);
                    String[] row = {studentId(s), guardianId(familyGuardianStart[f - 1]), "relative"};
                    if (leaves(s) || familyGone(f - 1)) {
                        file.fullOnly(row);
                    } else {
                        file.both(row);
                    }
                }
            }
            for (int q = 0; q < sections.size(); q++) {
                if (hasNewcomer(q)) {
                    for (int i = 0; i < newcomerGuardians(q); i++) {
                        file.deltaOnly(newcomerId(q), newcomerGuardianId(q, i), "guardian");
                    }
                }
            }
        }
        return links;
    }

    // ---------------------------------------------------------------- the delta's changes

    private boolean leaves(int student) {
        return chance(LEAVES, STUDENT + student, 0.0035);
    }

    /** Whether the student's enrollment in the slot moves to the next section of the grade in the delta. */
    private boolean moves(int student, int slot, Section section) {
        return section.sectionsInGrade() > 1 && chance(MOVES, STUDENT + ((long) student << 4) + slot, 0.003);
    }

    private boolean hasNewcomer(int section) {
        return chance(NEWCOMER, SECTION + section, 0.09);
    }

    private int newcomerGuardians(int section) {
        return chance(NEW_SECOND_GUARDIAN, SECTION + section, 0.85) ? 2 : 1;
    }

    /** Teachers only: principals and other staff stay. */
    private boolean replaced(int staff) {
        return staff < size.teachers() && chance(REPLACED, STAFF + staff, 0.005);
    }

    private boolean familyGone(int family) {
        for (int i = 0; i < familySize[family]; i++) {
            if (!leaves(child(familyStart[family] + i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- particulars

    private static String schoolId(int k) {
        return String.format(Locale.ROOT, "SK%03d", k + 1);
    }

    private static String staffId(int t) {
        return String.format(Locale.ROOT, "T%05d", t + 1);
    }

    private static String replacementId(int t) {
        return String.format(Locale.ROOT, "TN%05d", t + 1);
    }

    private static String studentId(int s) {
        return String.format(Locale.ROOT, "S%06d", s + 1);
    }

    private static String newcomerId(int section) {
        return String.format(Locale.ROOT, "SN%05d", section + 1);
    }

    private static String guardianId(int g) {
        return String.format(Locale.ROOT, "V%06d", g + 1);
    }

    private static String newcomerGuardianId(int section, int i) {
        return String.format(Locale.ROOT, "VN%05d%c", section + 1, (char) ('A' + i));
    }

    private static String classId(int c) {
        return String.format(Locale.ROOT, "K%06d", c + 1);
    }

    private static String courseId(int school, Course course) {
        return String.format(Locale.ROOT, "C%03d-%s", school + 1, course.code());
    }

    private String schoolName(int k) {
        String area = AREAS[k % AREAS.length];
        String number = k < AREAS.length ? "" : " " + (k / AREAS.length + 1);
        return k < compulsorySchools ? area + "skolan" + number : area + " gymnasium" + number;
    }

    private int firstGrade(int school) {
        return school < compulsorySchools ? 0 : 10;
    }

    private static String gradeCode(int grade) {
        return grade == 0 ? "KG" : String.format(Locale.ROOT, "%02d", grade);
    }

    private String session(int slot) {
        return slot == 6 ? autumnSession : slot == 7 ? springSession : yearSession;
    }

    private Course course(int school, int grade, int slot) {
        if (school >= compulsorySchools) {
            return UPPER_SECONDARY[grade - 10][slot];
        }
        return slot < COMPULSORY_CORE.length ? COMPULSORY_CORE[slot]
                : COMPULSORY_ROTATING[(grade * 4 + slot - COMPULSORY_CORE.length) % COMPULSORY_ROTATING.length];
    }

    private static String classTitle(Section section, Course course) {
        String letter = section.indexInGrade() < 26 ? String.valueOf((char) ('A' + section.indexInGrade()))
                : "-" + (section.indexInGrade() + 1);
        if (section.grade() >= 10) {
            return course.title() + " " + (section.grade() - 9) + letter;
        }
        return (section.grade() == 0 ? "F" : String.valueOf(section.grade())) + letter + " " + course.title();
    }

    private String given(long who) {
        String[] names = "female".equals(sex(who)) ? GIVEN_FEMALE : GIVEN_MALE;
        return names[pick(GIVEN, who, names.length)];
    }

    private String sex(long who) {
        return chance(SEX, who, 0.5) ? "female" : "male";
    }

    private int familySurname(int family) {
        return pick(SURNAME, FAMILY + family, SURNAMES.length);
    }

    private String phone(long who) {
        return String.format(Locale.ROOT, "+4670%07d", pick(PHONE, who, 10_000_000));
    }

    private LocalDate born(int grade, long who) {
        return LocalDate.of(schoolYear - 6 - grade, 1, 1).plusDays(pick(BIRTH, who, 365));
    }

    private LocalDate hired(int staff) {
        return LocalDate.of(2000, 8, 1).plusDays(pick(HIRED, STAFF + staff, (schoolYear - 2000) * 365));
    }

    private boolean multiSchool(int teacher) {
        return size.schools() > 1 && chance(MULTI_SCHOOL, STAFF + teacher, 0.12);
    }

    private int child(int position) {
        return (int) ((permutationFactor * position + permutationOffset) % size.students());
    }

    // ---------------------------------------------------------------- determinism

    private long hash(int kind, long index) {
        return mix(seed * 0x9E3779B97F4A7C15L + mix(((long) kind << 48) ^ index));
    }

    private boolean chance(int kind, long index, double probability) {
        return (hash(kind, index) >>> 11) * 0x1.0p-53 < probability;
    }

    private int pick(int kind, long index, int bound) {
        return (int) Math.floorMod(hash(kind, index), (long) bound);
    }

    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** Splits {@code total} over the schools [from, to) by random weights, exactly. */
    private void distribute(int total, int from, int to, int[] into) {
        long[] weights = new long[to - from];
        for (int k = from; k < to; k++) {
            weights[k - from] = 500 + pick(SCHOOL_WEIGHT, k, 1000);
        }
        int[] shares = apportion(total, weights);
        System.arraycopy(shares, 0, into, from, shares.length);
    }

    /** Largest remainder: shares of {@code total} proportional to the weights, summing to it exactly. */
    private static int[] apportion(int total, long[] weights) {
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        int[] shares = new int[weights.length];
        long[] remainders = new long[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = (int) (total * weights[i] / sum);
            remainders[i] = total * weights[i] % sum;
            given += shares[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
            given++;
        }
        return shares;
    }

    private static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    private static int[] prefix(int[] counts, int start) {
        int[] starts = new int[counts.length];
        int at = start;
        for (int i = 0; i < counts.length; i++) {
            starts[i] = at;
            at += counts[i];
        }
        return starts;
    }

    private static long[] ones(int n) {
        long[] ones = new long[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static int indexOf(String[] values, String value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- writing

    /** The two folders, and the row counts of the files written so far. */
    private record Out(Path full, Path delta, Map<String, FileRows> files) {

        Pair file(String name, String header) {
            return new Pair(name, new Csv(full.resolve(name), header), new Csv(delta.resolve(name), header), files);
        }
    }

    /** One file in both sets: every row goes to the full set, the delta or both, and is counted. */
    private static final class Pair implements Closeable {

        private final String name;
        private final Csv full;
        private final Csv delta;
        private final Map<String, FileRows> files;
        private long removed;
        private long added;
        private long changed;

        Pair(String name, Csv full, Csv delta, Map<String, FileRows> files) {
            this.name = name;
            this.full = full;
            this.delta = delta;
            this.files = files;
        }

        void both(String... values) {
            full.row(values);
            delta.row(values);
        }

        void fullOnly(String... values) {
            full.row(values);
            removed++;
        }

        void deltaOnly(String... values) {
            delta.row(values);
            added++;
        }

        void changed(String[] inFull, String[] inDelta) {
            full.row(inFull);
            delta.row(inDelta);
            changed++;
        }

        @Override
        public void close() {
            full.close();
            delta.close();
            files.put(name, new FileRows(name, full.rows, delta.rows, removed, added, changed));
        }
    }

    /** A CSV file written row by row (RFC 4180, UTF-8, LF); values with a comma, quote or line break are quoted. */
    private static final class Csv implements Closeable {

        private final BufferedWriter out;
        private final StringBuilder line = new StringBuilder(256);
        long rows;

        Csv(Path file, String header) {
            try {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write(header);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(String... values) {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                String value = values[i];
                if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
                    line.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    line.append(value);
                }
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
