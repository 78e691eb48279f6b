package se.klassrum.access.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private static final String TENANT = "tenant-a";

    private static List<AuditEntry> chainOf(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditRecord record = new AuditRecord(TENANT, Instant.parse("2026-11-27T10:15:30.123456789Z").plusSeconds(seq),
                    AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-" + seq, "student-1", null,
                    "ASSESSMENT", "READ", seq % 2 == 0, seq % 2 == 0 ? List.of() : List.of("TEACHER_SUBJECT"), "req-" + seq);
            AuditEntry entry = new AuditEntry(record, seq, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static ChainVerification verify(List<AuditEntry> entries, long headSeq) {
        HashChain chain = new HashChain(TENANT);
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
        tamper(entries.get(1), "hash", HashChain.hash(entries.get(1)));

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
        AuditEntry groupLevel = new AuditEntry(record, 1, HashChain.GENESIS);
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
        assertThat(HashChain.hash(entry)).isEqualTo(entry.hash());
    }
}
