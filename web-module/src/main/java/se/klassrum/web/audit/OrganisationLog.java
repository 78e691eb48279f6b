package se.klassrum.web.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.klassrum.access.api.Actor;
import se.klassrum.access.api.CallerProvider;
import se.klassrum.access.api.Cursors;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.Page;
import se.klassrum.access.audit.AuditEntry;
import se.klassrum.access.audit.AuditFilter;
import se.klassrum.access.audit.AuditLog;
import se.klassrum.roster.boundary.AuditNames;
import se.klassrum.roster.boundary.AuditNames.GroupName;
import se.klassrum.roster.boundary.AuditNames.PersonName;
import se.klassrum.roster.boundary.StudentSearch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The audit log of the schools an administrator administers, across their students: who asked about which students'
 * data, when, what kind and with what outcome, filtered by who, what, when and outcome, a page at a time. It answers
 * "what has Anna Andersson read this week" without first naming a student.
 *
 * <p>Only what the administrator may read of each entry is shown: the students it names who hold a role at one of
 * the administrator's schools today (as a student's own log is decided, {@link StudentSearch#administeredAmong}),
 * a protected student only where the administrator has a path to the student's profile. An entry that names none of
 * them is left out without a trace: no count, no name, no cursor of its own. A list decided in one step is one row
 * naming the students of it the administrator may see, with the outcome for them.
 */
@ApplicationScoped
public class OrganisationLog {

    /** The most rows on one page. */
    public static final int MAX_PAGE = 200;

    /** The most entries one export holds; a longer log is narrowed with the filters. */
    public static final int MAX_EXPORT = 50_000;

    /** Entries read from the log per step while a page is filled. */
    private static final int BATCH = 500;
    /** Entries read for one page at most; a page may then hold fewer rows and continue with a cursor. */
    private static final int SCAN = 20_000;
    private static final String CURSOR_KIND = "organisation";

    @Inject
    AuditLog audit;

    @Inject
    StudentSearch students;

    @Inject
    AuditNames names;

    @Inject
    CallerProvider caller;

    /** A student an entry names, as the administrator may name them; {@code name} is null for a protected identity. */
    public record Student(UUID id, String name) {
    }

    /** One entry as the administrator reads it, with the students it concerns. */
    public record Line(AuditExtract.Row row, List<Student> students) {
    }

    /** One page; {@code nextCursor} is null on the last. */
    public record Result(List<Line> lines, String nextCursor) {
    }

    /**
     * A page of the log of the caller's schools.
     *
     * @throws se.klassrum.access.api.NotPermittedException unless the caller is a person administering a school
     * @throws Page.InvalidCursorException for a cursor this server did not hand out for this organisation's log
     */
    public Result page(AuditFilter filter, String cursor, int limit, Locale locale) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_PAGE);
        }
        String tenant = tenant();
        // Refuses anyone who administers no school before anything is read.
        students.administeredAmong(List.of());
        Long before = before(tenant, cursor);
        List<List<AuditEntry>> kept = new ArrayList<>();
        int scanned = 0;
        boolean exhausted = false;
        while (kept.size() <= limit && scanned < SCAN) {
            List<AuditEntry> batch = audit.forStudents(tenant, filter, before, BATCH);
            scanned += batch.size();
            if (batch.size() < BATCH) {
                exhausted = true;
            } else if (batch.get(0).position() != batch.get(batch.size() - 1).position()) {
                // The last entry's students may go on beyond the batch: it is read whole with the next one.
                long cut = batch.get(batch.size() - 1).position();
                batch = batch.stream().filter(entry -> entry.position() != cut).toList();
            }
            Set<UUID> asked = new HashSet<>();
            batch.forEach(entry -> asked.add(UUID.fromString(entry.studentId())));
            Set<UUID> administered = students.administeredAmong(asked);
            kept.addAll(lines(batch.stream().filter(entry -> administered.contains(UUID.fromString(entry.studentId()))).toList()));
            if (exhausted) {
                break;
            }
            before = batch.get(batch.size() - 1).position();
        }
        String next = null;
        if (kept.size() > limit) {
            // A list's students with different outcomes are lines of one entry: they stay on one page.
            int end = limit;
            while (end < kept.size() && kept.get(end).get(0).position() == kept.get(end - 1).get(0).position()) {
                end++;
            }
            if (end < kept.size()) {
                kept = kept.subList(0, end);
                next = seal(tenant, kept.get(end - 1).get(0).position());
            } else if (!exhausted) {
                next = seal(tenant, before);
            }
        } else if (!exhausted) {
            next = seal(tenant, before);
        }
        return new Result(word(kept, locale), next);
    }

    /**
     * Every entry the filter keeps, newest first, at most {@link #MAX_EXPORT}: what the CSV export holds.
     *
     * @throws se.klassrum.access.api.NotPermittedException unless the caller is a person administering a school
     */
    public List<Line> all(AuditFilter filter, Locale locale) {
        List<Line> lines = new ArrayList<>();
        String cursor = null;
        do {
            Result page = page(filter, cursor, MAX_PAGE, locale);
            lines.addAll(page.lines());
            cursor = page.nextCursor();
        } while (cursor != null && lines.size() < MAX_EXPORT);
        return lines.size() > MAX_EXPORT ? List.copyOf(lines.subList(0, MAX_EXPORT)) : List.copyOf(lines);
    }

    /** Entries of one list (one position), with the same outcome and reasons, next to each other, as one. */
    private static List<List<AuditEntry>> lines(List<AuditEntry> entries) {
        List<List<AuditEntry>> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            List<AuditEntry> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && sameLine(last.get(0), entry)) {
                last.add(entry);
            } else {
                lines.add(new ArrayList<>(List.of(entry)));
            }
        }
        return lines;
    }

    private static boolean sameLine(AuditEntry first, AuditEntry next) {
        return first.position() == next.position() && first.decision().equals(next.decision())
                && Objects.equals(first.failingCodes(), next.failingCodes()) && Objects.equals(first.groupId(), next.groupId());
    }

    private List<Line> word(List<List<AuditEntry>> lines, Locale locale) {
        AuditSentences words = new AuditSentences(locale);
        Set<String> people = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (List<AuditEntry> line : lines) {
            for (AuditEntry entry : line) {
                people.add(entry.studentId());
                if (entry.actorId() != null) {
                    people.add(entry.actorId());
                }
                if (entry.groupId() != null && !"ALLOW".equals(entry.decision())) {
                    groups.add(entry.groupId());
                }
            }
        }
        Map<String, PersonName> personNames = names.people(people);
        Map<String, GroupName> groupNames = groups.isEmpty() ? Map.of() : names.groups(groups);
        List<Line> worded = new ArrayList<>(lines.size());
        for (List<AuditEntry> line : lines) {
            AuditEntry entry = line.get(0);
            List<Student> named = line.stream().map(one -> {
                PersonName name = personNames.get(one.studentId());
                return new Student(UUID.fromString(one.studentId()), name == null || name.masked() ? null : name.full());
            }).toList();
            PersonName actorName = entry.actorId() == null ? null : personNames.get(entry.actorId());
            String actor = words.actor(entry.actorKind(), entry.actorId(), actorName);
            boolean allowed = "ALLOW".equals(entry.decision());
            String sentence = named.size() == 1
                    ? words.sentence(entry.purpose(), actor, named.get(0).name(), entry.dataKind(), entry.operation(), allowed)
                    : words.studentsSentence(entry.purpose(), actor, named.size(), entry.dataKind(), entry.operation(), allowed);
            AuditExtract.Row row = AuditExtract.Row.of(entry, sentence, actorName, groupNames, words);
            worded.add(new Line(row, named));
        }
        return List.copyOf(worded);
    }

    private String tenant() {
        Actor actor = caller.currentActor().orElseThrow(() -> new NotSignedInException("Sign in to read the audit log"));
        return actor.tenantId().toString();
    }

    private static String seal(String tenant, long before) {
        return Cursors.seal(List.of(CURSOR_KIND, tenant, Long.toString(before)));
    }

    private static Long before(String tenant, String cursor) {
        List<String> after = new Page(1, cursor).after(3);
        if (after == null) {
            return null;
        }
        if (!after.get(0).equals(CURSOR_KIND) || !after.get(1).equals(tenant)) {
            throw new Page.InvalidCursorException();
        }
        try {
            return Long.valueOf(after.get(2));
        } catch (NumberFormatException notOurs) {
            throw new Page.InvalidCursorException();
        }
    }
}
