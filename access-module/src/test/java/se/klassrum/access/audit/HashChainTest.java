package se.klassrum.access.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashChainTest {

    private static final String TENANT = "tenant-a";
    private static final HashChain.Key KEY = HashChain.Key.of("a key kept outside the database, 32+ bytes".getBytes());

    private static List<AuditEntry> chainOf(int length) {
        return chainOf(length, KEY);
    }

    private static List<AuditEntry> chainOf(int length, HashChain.Key key) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditRecord record = new AuditRecord(TENANT, Instant.parse("2026-11-27T10:15:30.123456789Z").plusSeconds(seq),
                    AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-" + seq, "student-1", null,
                    "ASSESSMENT", "READ", seq % 2 == 0, seq % 2 == 0 ? List.of() : List.of("TEACHER_SUBJECT"), "req-" + seq);
            AuditEntry entry = new AuditEntry(record, seq, previous, key);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static ChainVerification verify(List<AuditEntry> entries, long headSeq) {
        return verify(entries, headSeq, KEY);
    }

    private static ChainVerification verify(List<AuditEntry> entries, long headSeq, HashChain.Key key) {
        HashChain chain = new HashChain(TENANT, key);
        entries.forEach(chain::accept);
        return chain.result(headSeq);
    }

    private static void tamper(AuditEntry entry, String field, Object value) throws ReflectiveOperationException {
        Field declared = AuditEntry.class.getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(entry, value);
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerification result = verify(chainOf(5), 5);

        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(5);
        assertThat(result.firstBrokenSeq()).isNull();
    }

    @Test
    void aChangedDecisionIsTheFirstBrokenLink() throws ReflectiveOperationException {
        List<AuditEntry> entries = chainOf(5);
        tamper(entries.get(2), "decision", "ALLOW");

        ChainVerification result = verify(entries, 5);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.entriesChecked()).isEqualTo(2);
        assertThat(result.reason()).contains("changed");
    }

    @Test
    void aRecomputedHashStillBreaksTheNextLink() throws ReflectiveOperationException {
        List<AuditEntry> entries = chainOf(5);
        tamper(entries.get(1), "actorId", "someone-else");
        tamper(entries.get(1), "hash", KEY.hash(entries.get(1)));

        ChainVerification result = verify(entries, 5);

        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.reason()).contains("does not follow");
    }

    @Test
    void aRemovedEntryInTheMiddleIsFound() {
        List<AuditEntry> entries = chainOf(5);
        entries.remove(3);

        ChainVerification result = verify(entries, 5);

        assertThat(result.firstBrokenSeq()).isEqualTo(4);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void entriesRemovedFromTheEndAreFoundThroughTheHead() {
        List<AuditEntry> entries = chainOf(5);

        ChainVerification result = verify(entries.subList(0, 3), 5);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void aGroupLevelEntryHasNoStudentAndHashesItAsEmptyText() throws ReflectiveOperationException {
        AuditRecord record = new AuditRecord(TENANT, Instant.parse("2026-11-27T10:15:30Z"), AuditRecord.Purpose.ACCESS,
                AuditRecord.ActorKind.PERSON, "teacher-1", null, "group-1", "POST", "READ", true, List.of(), "req-1");
        AuditEntry groupLevel = new AuditEntry(record, 1, HashChain.GENESIS, KEY);
        List<AuditEntry> entries = new ArrayList<>(List.of(groupLevel));

        assertThat(groupLevel.studentId()).isNull();
        assertThat(groupLevel.canonicalForm()).contains("teacher-1\u001F\u001Fgroup-1");
        assertThat(verify(entries, 1).intact()).isTrue();

        tamper(groupLevel, "studentId", "student-1");
        assertThat(verify(entries, 1).firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void theTimeIsHashedAtTheDatabasesPrecision() {
        AuditEntry entry = chainOf(1).get(0);

        assertThat(entry.occurredAt().toInstant()).isEqualTo(Instant.parse("2026-11-27T10:15:31.123456Z"));
        assertThat(KEY.hash(entry)).isEqualTo(entry.hash());
    }

    @Test
    void withoutTheKeyAChangedRowCannotBeHashedAgain() throws ReflectiveOperationException {
        List<AuditEntry> entries = chainOf(5);
        // Someone with write access to the database changes a decision and recomputes every hash after it, as
        // they could with a plain SHA-256 chain, marking the rows as unkeyed.
        tamper(entries.get(2), "decision", "ALLOW");
        String previous = entries.get(1).hash();
        for (AuditEntry entry : entries.subList(2, 5)) {
            tamper(entry, "prevHash", previous);
            tamper(entry, "hashAlg", HashChain.SHA256);
            tamper(entry, "hash", HashChain.Key.none().hash(entry));
            previous = entry.hash();
        }

        ChainVerification result = verify(entries, 5);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3);
        assertThat(result.reason()).contains("no keyed hash");
    }

    @Test
    void aChainRewrittenWholeWithoutTheKeyIsFound() throws ReflectiveOperationException {
        List<AuditEntry> rewritten = chainOf(4, HashChain.Key.none());

        assertThat(verify(rewritten, 4, HashChain.Key.none()).intact()).isTrue();
        ChainVerification result = verify(rewritten, 4);

        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).contains("no keyed hash although an audit key is set");
    }

    @Test
    void entriesCutOffTheEndWithTheHeadMovedBackAreFoundThroughTheHeadsKey() {
        List<AuditEntry> entries = chainOf(5);
        AuditEntry last = entries.get(4);
        AuditEntry third = entries.get(2);
        HashChain whole = new HashChain(TENANT, KEY);
        entries.forEach(whole::accept);
        assertThat(whole.result(5, last.hash(), KEY.headMac(TENANT, 5, last.hash())).intact()).isTrue();

        // Entries 4 and 5 removed, and the head moved back to entry 3 without the key: its MAC cannot be made.
        HashChain cut = new HashChain(TENANT, KEY);
        entries.subList(0, 3).forEach(cut::accept);
        ChainVerification result = cut.result(3, third.hash(), KEY.headMac(TENANT, 5, last.hash()));

        assertThat(result.intact()).isFalse();
        assertThat(result.reason()).contains("may have been removed");
    }

    @Test
    void anotherKeyDoesNotVerifyTheChain() {
        HashChain.Key other = HashChain.Key.of("another key, also at least thirty-two bytes".getBytes());

        ChainVerification result = verify(chainOf(3), 3, other);

        assertThat(result.firstBrokenSeq()).isEqualTo(1);
        assertThat(result.reason()).contains("changed");
    }

    @Test
    void aListsStudentsAndTheirOutcomesAreCoveredByTheHash() throws ReflectiveOperationException {
        AuditRecord record = new AuditRecord(TENANT, Instant.parse("2026-11-27T10:15:30Z"), AuditRecord.Purpose.ACCESS,
                AuditRecord.ActorKind.PERSON, "teacher-1", null, "group-1", "STUDENT_PROFILE", "READ", false,
                List.of("PROTECTED_IDENTITY"), "req-1", List.of(
                        new AuditRecord.Outcome("student-1", null, true, List.of()),
                        new AuditRecord.Outcome("student-2", null, false, List.of("PROTECTED_IDENTITY"))));
        AuditEntry list = new AuditEntry(record, 1, HashChain.GENESIS, KEY);
        List<AuditEntry> entries = List.of(list);
        assertThat(verify(entries, 1).intact()).isTrue();
        assertThat(list.subjects()).extracting(AuditSubject::studentId).containsExactly("student-1", "student-2");

        // The row's subjects as stored, with the second student's denial changed into an allow.
        Field subjects = AuditEntry.class.getDeclaredField("subjects");
        subjects.setAccessible(true);
        String stored = (String) subjects.get(list);
        assertThat(stored).contains("student-2\u001E\u001EDENY\u001EPROTECTED_IDENTITY");
        subjects.set(list, stored.replace("student-2\u001E\u001EDENY", "student-2\u001E\u001EALLOW"));

        assertThat(verify(entries, 1).firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void aListsSubjectsAreReadBackAsTheyWereWritten() {
        List<AuditSubject> written = List.of(
                new AuditSubject(new AuditRecord.Outcome("student-1", "group-1", true, List.of())),
                new AuditSubject(new AuditRecord.Outcome("student-2", null, false, List.of("PROTECTED_IDENTITY", "NO_LICENCE"))));

        List<AuditSubject> read = AuditSubject.parse(AuditSubject.stored(written));

        assertThat(read).extracting(AuditSubject::studentId, AuditSubject::groupId, AuditSubject::decision,
                        AuditSubject::failingCodes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("student-1", "group-1", "ALLOW", ""),
                        org.assertj.core.groups.Tuple.tuple("student-2", null, "DENY", "PROTECTED_IDENTITY,NO_LICENCE"));
        assertThat(AuditSubject.stored(List.of())).isNull();
        assertThat(AuditSubject.parse(null)).isEmpty();
    }

    @Test
    void aSubjectWhoseFieldHoldsASeparatorIsRefused() {
        assertThatThrownBy(() -> new AuditSubject(new AuditRecord.Outcome("student\u001D2", null, true, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
