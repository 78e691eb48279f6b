package se.klassrum.access.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's log as several chains, one per audit writer: an entry belongs to its chain, a chain without its
 * head is found, and the organisation's signed list of chains finds a chain removed whole.
 */
class AuditChainsTest {

    private static final String TENANT = "tenant-a";
    private static final HashChain.Key KEY = HashChain.Key.of("a key kept outside the database, 32+ bytes".getBytes());

    private static AuditEntry entry(String chain, long seq, String previous) {
        AuditRecord record = new AuditRecord(TENANT, Instant.parse("2026-12-07T08:15:30Z").plusSeconds(seq),
                AuditRecord.Purpose.ACCESS, AuditRecord.ActorKind.PERSON, "teacher-1", "student-1", null,
                "ASSESSMENT", "READ", true, List.of(), "req-" + seq);
        return new AuditEntry(record, chain, seq, previous, KEY);
    }

    @Test
    void anEntryOfTheFirstChainHashesAsBeforeTheLogHadMoreThanOneChain() {
        AuditRecord record = new AuditRecord(TENANT, Instant.parse("2026-12-07T08:15:30Z"), AuditRecord.Purpose.ACCESS,
                AuditRecord.ActorKind.PERSON, "teacher-1", "student-1", null, "ASSESSMENT", "READ", true, List.of(), "req-1");

        AuditEntry first = new AuditEntry(record, "", 1, HashChain.GENESIS, KEY);
        AuditEntry nodeA = new AuditEntry(record, "node-a", 1, HashChain.GENESIS, KEY);

        assertThat(first.canonicalForm()).startsWith(TENANT + "\u001F1\u001F");
        assertThat(nodeA.hash()).as("the chain is covered by the hash").isNotEqualTo(first.hash());
        assertThat(KEY.headMac(TENANT, "", 1, first.hash())).isEqualTo(KEY.headMac(TENANT, 1, first.hash()))
                .isNotEqualTo(KEY.headMac(TENANT, "node-a", 1, first.hash()));
    }

    @Test
    void anEntryMovedToAnotherChainBreaksIt() throws ReflectiveOperationException {
        AuditEntry one = entry("node-a", 1, HashChain.GENESIS);
        Field chain = AuditEntry.class.getDeclaredField("chain");
        chain.setAccessible(true);
        chain.set(one, "node-b");

        HashChain nodeB = new HashChain(TENANT, "node-b", KEY);
        nodeB.accept(one);
        ChainVerification result = nodeB.result(1, one.hash(), KEY.headMac(TENANT, "node-b", 1, one.hash()));

        assertThat(result.intact()).isFalse();
        assertThat(result.chain()).isEqualTo("node-b");
        assertThat(result.reason()).startsWith("chain node-b: ").contains("changed after it was written");
    }

    @Test
    void aChainWithEntriesAndNoHeadIsBroken() {
        AuditEntry one = entry("node-a", 1, HashChain.GENESIS);
        AuditEntry two = entry("node-a", 2, one.hash());
        HashChain chain = new HashChain(TENANT, "node-a", KEY);
        chain.accept(one);
        chain.accept(two);

        ChainVerification withoutHead = chain.resultWithoutHead();

        assertThat(withoutHead.intact()).as("its head and its last entries may have been removed together").isFalse();
        assertThat(withoutHead.reason()).contains("no head");
        assertThat(new HashChain(TENANT, "node-b", KEY).resultWithoutHead().intact()).as("no entries, no head").isTrue();
    }

    @Test
    void aHeadPutBackAtItsStartWithTheEntriesRemovedIsFound() {
        HashChain emptied = new HashChain(TENANT, "node-b", KEY);

        ChainVerification result = emptied.result(0, HashChain.GENESIS, null);

        assertThat(result.intact()).as("a head is made and moved in one transaction, never left at 0").isFalse();
        assertThat(result.reason()).contains("at its start");
    }

    @Test
    void theSignedListOfChainsFindsAChainRemovedWhole() {
        List<String> both = List.of("node-a", "node-b");
        String signed = KEY.chainsMac(TENANT, both);

        assertThat(AuditLog.checkList(TENANT, Set.of("node-a", "node-b"), Set.of("node-a", "node-b"), both, signed, KEY))
                .as("every chain listed, each with its head, the list signed").isNull();

        // Chain node-b removed, head and entries: the list still names it.
        ChainVerification removed = AuditLog.checkList(TENANT, Set.of("node-a"), Set.of("node-a"), both, signed, KEY);
        assertThat(removed.intact()).isFalse();
        assertThat(removed.chain()).isEqualTo("node-b");
        assertThat(removed.reason()).contains("has no head");

        // ... and taken off the list too: the list's MAC no longer matches, and cannot be made to without the key.
        ChainVerification shortened = AuditLog.checkList(TENANT, Set.of("node-a"), Set.of("node-a"), List.of("node-a"),
                signed, KEY);
        assertThat(shortened.intact()).isFalse();
        assertThat(shortened.reason()).contains("does not match its key");

        // A chain the list does not name.
        ChainVerification unlisted = AuditLog.checkList(TENANT, Set.of("node-a", "node-c"), Set.of("node-a", "node-c"),
                both, signed, KEY);
        assertThat(unlisted.intact()).isFalse();
        assertThat(unlisted.chain()).isEqualTo("node-c");
    }

    @Test
    void aListTheWriterFoundChangedNeverMatchesAgain() {
        ChainVerification marked = AuditLog.checkList(TENANT, Set.of("node-a"), Set.of("node-a"), List.of("node-a"),
                AuditWriter.REMOVED + "the list of chains was missing", HashChain.Key.none());

        assertThat(marked.intact()).as("even without a key").isFalse();
        assertThat(marked.reason()).contains("the list of chains was missing");
    }

    @Test
    void theMigrationsUnsignedListStandsForTheFirstChainAloneOnly() {
        assertThat(AuditLog.checkList(TENANT, Set.of(""), Set.of(""), List.of(""), AuditWriter.UNSIGNED_BY_MIGRATION, KEY))
                .isNull();

        ChainVerification marked = AuditLog.checkList(TENANT, Set.of("", "node-a"), Set.of("", "node-a"),
                List.of("", "node-a"), AuditWriter.UNSIGNED_BY_MIGRATION, KEY);

        assertThat(marked.intact()).as("a list of more chains is one a writer signed").isFalse();
        assertThat(marked.reason()).contains("does not match its key");
    }
}
