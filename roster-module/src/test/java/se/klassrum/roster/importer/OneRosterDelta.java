package se.klassrum.roster.importer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The changes between two full School Data Sync v2.1 sets of the same municipality, written as a 1EdTech OneRoster 1.2
 * CSV delta (manifest with {@code file.x = delta}, rows with status {@code active} or {@code tobedeleted}): what a
 * register that exports deltas would send for the same night. Not a test; the benchmark imports it as "the 1 % delta".
 * <p>
 * Rows are compared as whole lines, file by file, keyed as the import keys them (users and demographics by user,
 * roles by user, org and role, enrollments by class, user and role, guardians by child and guardian). A key that is
 * removed and added again is a change (an upsert); one only removed is {@code tobedeleted}. The dates the School Data
 * Sync reader takes from sessions (roles without dates, enrollments from their class's sessions) are written out,
 * since a delta does not repeat the sessions of every class. Guardian links of new students become the new
 * students' {@code agentSourcedIds}, with a {@code guardian} role for each new guardian. Leaving users are
 * {@code tobedeleted}, which ends all their facts, as their absence from a full set does.
 */
public final class OneRosterDelta {

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private record Change(List<String> removed, List<String> added) {
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    private final Path full;
    private final Path delta;
    private final Map<String, List<String[]>> out = new LinkedHashMap<>();
    private final Map<String, Period> sessions = new HashMap<>();
    private final Map<String, String> classSchools = new HashMap<>();
    private final Map<String, Period> classPeriods = new HashMap<>();
    private int rows;

    private OneRosterDelta(Path full, Path delta) {
        this.full = full;
        this.delta = delta;
    }

    /** Writes the delta from {@code full} to {@code delta} into {@code target}; returns its number of rows. */
    public static int write(Path full, Path delta, Path target) {
        return new OneRosterDelta(full, delta).write(target);
    }

    private int write(Path target) {
        readSessionsAndClasses();
        Set<String> changedClasses = classes();
        courses(changedClasses);
        Map<String, List<String>> agents = new HashMap<>();
        Map<String, String> guardianSchools = new LinkedHashMap<>();
        relationships(agents, guardianSchools);
        users(agents);
        roles(guardianSchools);
        enrollments();
        demographics();
        manifest();
        try {
            Files.createDirectories(target);
            for (var file : out.entrySet()) {
                try (Writer writer = Files.newBufferedWriter(target.resolve(file.getKey()), StandardCharsets.UTF_8);
                     CSVPrinter printer = new CSVPrinter(writer, WRITE)) {
                    for (String[] row : file.getValue()) {
                        printer.printRecord((Object[]) row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private void readSessionsAndClasses() {
        read(full.resolve("academicSessions.csv"), row -> sessions.put(row.get("sourcedId"),
                new Period(LocalDate.parse(row.get("startDate")), LocalDate.parse(row.get("endDate")))));
        for (Path set : List.of(full, delta)) {
            read(set.resolve("classes.csv"), row -> {
                classSchools.put(row.get("sourcedId"), row.get("orgSourcedId"));
                LocalDate from = null;
                LocalDate to = null;
                for (String session : row.get("sessionSourcedIds").split(",")) {
                    Period period = sessions.get(session.strip());
                    if (period != null) {
                        from = from == null || period.from().isBefore(from) ? period.from() : from;
                        to = to == null || period.to().isAfter(to) ? period.to() : to;
                    }
                }
                classPeriods.put(row.get("sourcedId"), new Period(from, to));
            });
        }
    }

    /** Changed classes with their sessions; returns their course ids. */
    private Set<String> classes() {
        add("academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,"
                + "schoolYear");
        read(full.resolve("academicSessions.csv"), row -> row("academicSessions.csv", row.get("sourcedId"), "active",
                row.get("title"), row.get("type"), row.get("startDate"), row.get("endDate"), "", row.get("schoolYear")));
        add("classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
                + "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods");
        Set<String> courses = new LinkedHashSet<>();
        changes("classes.csv", row -> row.get("sourcedId"), (key, row, active) -> {
            if (active) {
                courses.add(row.get("courseSourcedId"));
            }
            row("classes.csv", key, status(active), row.get("title"), "", row.get("courseSourcedId"), "", "scheduled",
                    "", row.get("orgSourcedId"), row.get("sessionSourcedIds"), "", "", "");
        });
        return courses;
    }

    private void courses(Set<String> wanted) {
        add("courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,"
                + "subjects,subjectCodes");
        read(full.resolve("courses.csv"), row -> {
            if (wanted.contains(row.get("sourcedId"))) {
                row("courses.csv", row.get("sourcedId"), "active", row.get("schoolYearSourcedId"), row.get("title"),
                        row.get("code"), row.get("grade"), row.get("orgSourcedId"), "", row.get("subject"));
            }
        });
    }

    /** New guardian links, as agents of the child, and the school of each new guardian's child (for a role there). */
    private void relationships(Map<String, List<String>> agents, Map<String, String> guardianSchools) {
        Map<String, String> studentSchools = new HashMap<>();
        read(delta.resolve("roles.csv"), row -> {
            if (row.get("role").equalsIgnoreCase("student")) {
                studentSchools.put(row.get("userSourcedId"), row.get("orgSourcedId"));
            }
        });
        changes("relationships.csv", row -> row.get("userSourcedId") + "|" + row.get("relationshipUserSourcedId"),
                (key, row, active) -> {
                    // A removed link belongs to a leaving user here; the user's removal ends it.
                    if (active) {
                        String child = row.get("userSourcedId");
                        String guardian = row.get("relationshipUserSourcedId");
                        agents.computeIfAbsent(child, c -> new ArrayList<>()).add(guardian);
                        String role = row.get("relationshipRole").toLowerCase(java.util.Locale.ROOT);
                        if (role.equals("parent") || role.equals("guardian")) {
                            guardianSchools.putIfAbsent(guardian + "|" + role, studentSchools.get(child));
                        }
                    }
                });
    }

    private void users(Map<String, List<String>> agents) {
        add("users.csv", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password");
        changes("users.csv", row -> row.get("sourcedId"), (key, row, active) -> row("users.csv", key, status(active),
                "true", row.get("username"), "", row.get("givenName"), row.get("familyName"), "", "", row.get("email"),
                row.get("sms"), row.get("phone"), String.join(",", agents.getOrDefault(key, List.of())), "", ""));
    }

    private void roles(Map<String, String> guardianSchools) {
        add("roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,"
                + "userProfileSourcedId");
        changes("roles.csv", row -> row.get("userSourcedId") + "|" + row.get("orgSourcedId") + "|" + row.get("role"),
                (key, row, active) -> {
                    Period session = sessions.get(row.get("sessionSourcedId"));
                    String begin = row.get("roleStartDate").isEmpty() && session != null ? session.from().toString()
                            : row.get("roleStartDate");
                    String end = row.get("roleEndDate").isEmpty() && session != null ? session.to().toString()
                            : row.get("roleEndDate");
                    row("roles.csv", key, status(active), row.get("userSourcedId"),
                            row.get("isPrimary").equalsIgnoreCase("true") ? "primary" : "secondary", row.get("role"),
                            begin, end, row.get("orgSourcedId"), "");
                });
        guardianSchools.forEach((guardianAndRole, school) -> {
            String[] parts = guardianAndRole.split("\\|");
            row("roles.csv", parts[0] + "|" + school + "|" + parts[1], "active", parts[0], "primary", parts[1], "", "",
                    school, "");
        });
    }

    private void enrollments() {
        add("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                + "primary,beginDate,endDate");
        changes("enrollments.csv", row -> row.get("classSourcedId") + "|" + row.get("userSourcedId") + "|" + row.get("role"),
                (key, row, active) -> {
                    Period period = classPeriods.get(row.get("classSourcedId"));
                    row("enrollments.csv", key, status(active), row.get("classSourcedId"),
                            classSchools.get(row.get("classSourcedId")), row.get("userSourcedId"), row.get("role"), "",
                            period.from() == null ? "" : period.from().toString(),
                            period.to() == null ? "" : period.to().toString());
                });
    }

    private void demographics() {
        add("demographics.csv", "sourcedId,status,dateLastModified,birthDate,sex");
        changes("demographics.csv", row -> row.get("userSourcedId"), (key, row, active) -> {
            // A leaving user's row goes with the user.
            if (active) {
                row("demographics.csv", key, "active", row.get("birthDate"), row.get("sex"));
            }
        });
    }

    private void manifest() {
        add("manifest.csv", "propertyName,value");
        List<String[]> manifest = out.get("manifest.csv");
        manifest.add(new String[]{"manifest.version", "1.0"});
        manifest.add(new String[]{"oneroster.version", "1.2"});
        for (String file : List.of("academicSessions", "classes", "courses", "demographics", "enrollments", "roles",
                "users")) {
            manifest.add(new String[]{"file." + file, "delta"});
        }
        manifest.add(new String[]{"source.systemName", "Klassrum synthetic municipality"});
    }

    // ---------------------------------------------------------------- comparing

    private interface Changed {
        void row(String key, CSVRecord row, boolean active);
    }

    /**
     * Compares a file of both sets by line: lines only in the full set are removed, lines only in the delta added.
     * A key removed and added is reported once, as added (the upsert); one only removed as removed.
     */
    private void changes(String file, java.util.function.Function<CSVRecord, String> key, Changed changed) {
        Set<String> deltaLines = new HashSet<>(lines(delta.resolve(file)));
        Set<String> removedLines = new HashSet<>();
        for (String line : lines(full.resolve(file))) {
            if (!deltaLines.remove(line)) {
                removedLines.add(line);
            }
        }
        Set<String> addedKeys = new HashSet<>();
        Map<String, CSVRecord> added = new LinkedHashMap<>();
        read(delta.resolve(file), row -> {
            if (deltaLines.contains(line(row))) {
                String k = key.apply(row);
                addedKeys.add(k);
                added.put(k, row);
            }
        });
        read(full.resolve(file), row -> {
            String k = key.apply(row);
            if (removedLines.contains(line(row)) && !addedKeys.contains(k)) {
                changed.row(k, row, false);
            }
        });
        added.forEach((k, row) -> changed.row(k, row, true));
    }

    private static String line(CSVRecord row) {
        return String.join("\u0000", row.values());
    }

    private static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        read(file, row -> lines.add(line(row)));
        return lines;
    }

    private static void read(Path file, Consumer<CSVRecord> consumer) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : READ.parse(reader)) {
                consumer.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    private void add(String file, String header) {
        List<String[]> rows = new ArrayList<>();
        rows.add(header.split(","));
        out.put(file, rows);
    }

    /** A row of a OneRoster file: sourcedId, status, an empty dateLastModified, then the values. */
    private void row(String file, String sourcedId, String status, String... values) {
        String[] row = new String[values.length + 3];
        row[0] = sourcedId;
        row[1] = status;
        row[2] = "";
        System.arraycopy(values, 0, row, 3, values.length);
        out.get(file).add(row);
        rows++;
    }

    private static String status(boolean active) {
        return active ? "active" : "tobedeleted";
    }
}
