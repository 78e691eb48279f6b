package se.klassrum.roster.control;

import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.RosterFactsPort.Subject;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access facts this node has read, each kept under the access facts' version read before it (migration V47): facts
 * kept under a version are at least as new as that version, so while the database's version has not moved they are
 * the facts a fresh read would give. A read under a newer version drops everything kept under older ones. Bounded by
 * questions, not by reads (a 30-student page is 30 questions): when keeping a read would pass {@code capacity}
 * questions, everything kept is dropped first (a teacher's next page is read again, once).
 */
final class KeptFacts {

    /** The actor and the subjects of one {@code loadAll}: the same questions read the same rows. */
    record Key(UUID actor, Set<Subject> subjects) {
    }

    private record Kept(long version, Map<Subject, AccessFacts> facts) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();
    /** The questions kept, about: a read replacing another of the same key counts twice until the next drop. */
    private final AtomicLong questions = new AtomicLong();
    private final AtomicLong newestVersion = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong hits = new AtomicLong();
    final AtomicLong misses = new AtomicLong();

    /** @param capacity how many questions' facts are kept at most; 0 keeps none */
    KeptFacts(int capacity) {
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    /** The facts kept under exactly this version, or null. */
    Map<Subject, AccessFacts> get(long version, Key key) {
        Kept found = kept.get(key);
        if (found != null && found.version() == version) {
            hits.incrementAndGet();
            return found.facts();
        }
        misses.incrementAndGet();
        return null;
    }

    /** Keeps facts read after the version was read; a newer version than any before drops all that was kept. */
    void put(long version, Key key, Map<Subject, AccessFacts> facts) {
        long newest = newestVersion.get();
        if (version > newest && newestVersion.compareAndSet(newest, version)) {
            dropAll();
        } else if (version < newest) {
            return;
        }
        int asked = key.subjects().size();
        if (asked > capacity) {
            return;
        }
        if (questions.addAndGet(asked) > capacity) {
            dropAll();
            questions.addAndGet(asked);
        }
        kept.put(key, new Kept(version, Map.copyOf(facts)));
    }

    private void dropAll() {
        kept.clear();
        questions.set(0);
    }

    /** How many questions' facts are kept. */
    long size() {
        return questions.get();
    }
}
