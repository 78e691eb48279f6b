package se.klassrum.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.Page;
import se.klassrum.access.audit.AuditEntry;
import se.klassrum.access.audit.AuditFilter;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.roster.boundary.AuditNames;
import se.klassrum.roster.boundary.AuditNames.GroupName;
import se.klassrum.roster.boundary.AuditNames.PersonName;
import se.klassrum.roster.boundary.ProtectedActors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A student's audit log as their school's administrators read it, on the page, through the API and as CSV: the
 * entries the filter keeps, newest first, a page at a time, each as a sentence with its outcome and, for a
 * refusal, its reasons. Who may read it is decided first ({@link Administrators#requireAdministratorOf}: anyone
 * else is told "not found"), so no entry, name, count or cursor reaches a caller who may not read the log; a
 * cursor names the student it continues and opens for that student only.
 */
@ApplicationScoped
public class AuditExtract {

    /** The most entries on one page. */
    public static final int MAX_PAGE = 500;

    private static final int EXPORT_PAGE = 500;
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    Administrators administrators;

    @Inject
    AuditLog audit;

    @Inject
    AuditNames names;

    /** One entry as the administrator reads it. */
    public record Row(long seq, Instant occurredAt, String when, String purpose, String actorKind, String actorId,
                      String actor, String kind, String operation, boolean allowed, List<String> failingCodes,
                      String requestId, String sentence, String outcome, List<String> reasons) {

        /** The sentence with its outcome: "Anna Andersson läste Elsas omdömen · tillåtet". */
        public String line() {
            return sentence + " · " + outcome;
        }

        /**
         * The entry as a reader reads it, worded as its sentence says, with its outcome and a refusal's reasons.
         *
         * @param sentence   what the entry says, without its outcome, from the actor's name as {@link #actorName} gives it
         * @param actorName  the person who asked, or null for an application or when unknown
         * @param groupNames the names of the groups the reader may see, by id
         */
        static Row of(AuditEntry entry, String sentence, PersonName actorName, Map<String, GroupName> groupNames,
                      AuditSentences words) {
            boolean masked = actorName != null && actorName.masked();
            boolean allowed = "ALLOW".equals(entry.decision());
            List<String> codes = codes(entry.failingCodes());
            return new Row(entry.seq(), entry.occurredAt().toInstant(),
                    entry.occurredAt().atZoneSameInstant(SCHOOL_ZONE).format(WHEN), entry.purpose(), entry.actorKind(),
                    masked ? ProtectedActors.MASK : Objects.requireNonNullElse(entry.actorId(), ""),
                    words.actor(entry.actorKind(), entry.actorId(), actorName), entry.dataKind(), entry.operation(), allowed,
                    codes, entry.requestId(), sentence, words.outcome(allowed),
                    allowed ? List.of() : words.reasons(codes, entry.dataKind(), entry.operation(),
                            entry.groupId() == null ? null : groupNames.get(entry.groupId()), entry.groupId() != null));
        }
    }

    /** One page of the log; {@code nextCursor} is null on the last. */
    public record Result(UUID student, String studentName, List<Row> rows, String nextCursor) {
    }

    /** Someone who has asked about the student, for the "who" filter. */
    public record Asker(String id, String name) {
    }

    /**
     * A page of the student's log.
     *
     * @throws se.klassrum.access.api.StudentDataNotFoundException unless the caller administers the student's school
     * @throws Page.InvalidCursorException for a cursor this server did not hand out for this student
     */
    public Result page(UUID studentId, AuditFilter filter, String cursor, int limit, Locale locale) {
        return page(studentId, filter, cursor, limit, locale, false);
    }

    /**
     * A page of the student's log as a reader follows it: what one request read about the student, allowed, is one
     * entry ("Karin Ek läste Elsas inlägg, uppgifter och omdömen · tillåtet") instead of one per list it read.
     * Refusals stay one entry each, with their reasons.
     */
    public Result pageOfViews(UUID studentId, AuditFilter filter, String cursor, int limit, Locale locale) {
        return page(studentId, filter, cursor, limit, locale, true);
    }

    private Result page(UUID studentId, AuditFilter filter, String cursor, int limit, Locale locale, boolean views) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_PAGE);
        }
        UUID tenant = administrators.requireAdministratorOf(studentId);
        Long before = before(studentId, cursor);
        List<AuditEntry> entries = audit.forStudent(tenant.toString(), studentId.toString(), filter, before, limit + 1);
        boolean more = entries.size() > limit;
        if (more) {
            entries = entries.subList(0, limit);
        }
        Worded worded = word(studentId, entries, locale, views);
        String next = more ? Cursors.seal(List.of(studentId.toString(), Long.toString(entries.get(entries.size() - 1).position())))
                : null;
        return new Result(studentId, worded.studentName(), worded.rows(), next);
    }

    /** Every entry the filter keeps, newest first: what the CSV export holds. */
    public Result all(UUID studentId, AuditFilter filter, Locale locale) {
        UUID tenant = administrators.requireAdministratorOf(studentId);
        List<Row> rows = new ArrayList<>();
        String studentName = null;
        Long before = null;
        while (true) {
            List<AuditEntry> entries = audit.forStudent(tenant.toString(), studentId.toString(), filter, before, EXPORT_PAGE);
            Worded worded = word(studentId, entries, locale, false);
            studentName = worded.studentName();
            rows.addAll(worded.rows());
            if (entries.size() < EXPORT_PAGE) {
                return new Result(studentId, studentName, List.copyOf(rows), null);
            }
            before = entries.get(entries.size() - 1).position();
        }
    }

    /** Everyone who has asked about the student, by name (protected identities masked and left out of the choice). */
    public List<Asker> askers(UUID studentId, Locale locale) {
        UUID tenant = administrators.requireAdministratorOf(studentId);
        List<String> ids = audit.actorsFor(tenant.toString(), studentId.toString());
        Map<String, PersonName> people = names.people(ids);
        AuditSentences words = new AuditSentences(locale);
        return ids.stream()
                .filter(id -> people.get(id) == null || !people.get(id).masked())
                .map(id -> new Asker(id, words.actor(people.containsKey(id) ? "PERSON" : "APPLICATION", id, people.get(id))))
                .sorted(Comparator.comparing(Asker::name))
                .toList();
    }

    private static Long before(UUID studentId, String cursor) {
        List<String> after = new Page(1, cursor).after(2);
        if (after == null) {
            return null;
        }
        if (!after.get(0).equals(studentId.toString())) {
            throw new Page.InvalidCursorException();
        }
        try {
            return Long.valueOf(after.get(1));
        } catch (NumberFormatException notOurs) {
            throw new Page.InvalidCursorException();
        }
    }

    private record Worded(String studentName, List<Row> rows) {
    }

    private Worded word(UUID studentId, List<AuditEntry> entries, Locale locale, boolean views) {
        AuditSentences words = new AuditSentences(locale);
        Set<String> people = new HashSet<>();
        people.add(studentId.toString());
        Set<String> groups = new HashSet<>();
        for (AuditEntry entry : entries) {
            if (entry.actorId() != null) {
                people.add(entry.actorId());
            }
            if (entry.groupId() != null && !"ALLOW".equals(entry.decision())) {
                groups.add(entry.groupId());
            }
        }
        Map<String, PersonName> personNames = names.people(people);
        Map<String, GroupName> groupNames = groups.isEmpty() ? Map.of() : names.groups(groups);
        PersonName student = personNames.get(studentId.toString());
        String given = student == null || student.masked() ? null : student.given();
        List<Row> rows = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            PersonName actorName = entry.actorId() == null ? null : personNames.get(entry.actorId());
            String actor = words.actor(entry.actorKind(), entry.actorId(), actorName);
            rows.add(Row.of(entry, words.sentence(entry.purpose(), actor, given, entry.dataKind(), entry.operation(),
                    "ALLOW".equals(entry.decision())), actorName, groupNames, words));
        }
        return new Worded(student == null || student.masked() ? null : student.full(),
                views ? views(rows, words, given) : List.copyOf(rows));
    }

    /**
     * Joins the allowed reads of one request by one asker, next to each other in the log, into one row whose sentence
     * names every kind read, in the order first read; its kind lists them, comma-separated.
     */
    static List<Row> views(List<Row> rows, AuditSentences words, String studentGiven) {
        List<Row> joined = new ArrayList<>(rows.size());
        int i = 0;
        while (i < rows.size()) {
            Row first = rows.get(i);
            int end = i + 1;
            while (end < rows.size() && sameView(first, rows.get(end))) {
                end++;
            }
            if (end - i == 1) {
                joined.add(first);
            } else {
                List<String> kinds = new ArrayList<>();
                for (int k = end - 1; k >= i; k--) {
                    if (!kinds.contains(rows.get(k).kind())) {
                        kinds.add(rows.get(k).kind());
                    }
                }
                joined.add(new Row(first.seq(), first.occurredAt(), first.when(), first.purpose(), first.actorKind(),
                        first.actorId(), first.actor(), String.join(",", kinds), first.operation(), true, List.of(),
                        first.requestId(), words.viewSentence(first.actor(), studentGiven, kinds), first.outcome(), List.of()));
            }
            i = end;
        }
        return List.copyOf(joined);
    }

    private static boolean sameView(Row first, Row next) {
        return first.requestId() != null && first.requestId().equals(next.requestId()) && first.allowed() && next.allowed()
                && "ACCESS".equals(first.purpose()) && "ACCESS".equals(next.purpose())
                && "READ".equals(first.operation()) && "READ".equals(next.operation())
                && first.actorId().equals(next.actorId());
    }

    private static List<String> codes(String failingCodes) {
        return failingCodes == null || failingCodes.isBlank() ? List.of()
                : Arrays.stream(failingCodes.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
    }
}
