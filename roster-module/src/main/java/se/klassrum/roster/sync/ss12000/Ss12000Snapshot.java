package se.klassrum.roster.sync.ss12000;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the student register holds, as last read: every entity of the endpoints the sync reads, by id.
 * <p>
 * A first sync reads everything; a later one reads only the entities modified after the previous read and the
 * ids deleted since, and applies them to a copy ({@link #updated}). Either way the whole register is then
 * compared with the roster, so a change the register expresses by leaving something out (a membership no
 * longer in a group's list) is seen as well. A read that fails half-way leaves the previous snapshot as it was.
 */
public final class Ss12000Snapshot {

    /** The endpoints read, in the order they are read. */
    public static final List<Endpoint<?>> ENDPOINTS = List.of(Endpoint.ORGANISATIONS, Endpoint.PERSONS,
            Endpoint.PLACEMENTS, Endpoint.DUTIES, Endpoint.GROUPS, Endpoint.ACTIVITIES, Endpoint.SYLLABUSES);

    private final Map<String, Map<String, Ss12000Model.Entity>> entities;
    /** Ids deleted since the last full read, by type: a reference to one left behind is stale, not wrong. */
    private final Map<String, Set<String>> deleted;
    private final int changes;

    private Ss12000Snapshot(Map<String, Map<String, Ss12000Model.Entity>> entities, Map<String, Set<String>> deleted,
                            int changes) {
        this.entities = entities;
        this.deleted = deleted;
        this.changes = changes;
    }

    /** Reads the whole register. */
    public static Ss12000Snapshot read(Ss12000Client client) {
        Map<String, Map<String, Ss12000Model.Entity>> entities = new LinkedHashMap<>();
        int count = 0;
        for (Endpoint<?> endpoint : ENDPOINTS) {
            Map<String, Ss12000Model.Entity> byId = new LinkedHashMap<>();
            for (Ss12000Model.Entity entity : client.list(endpoint, null)) {
                byId.put(entity.id(), entity);
            }
            count += byId.size();
            entities.put(endpoint.name(), byId);
        }
        return new Ss12000Snapshot(entities, Map.of(), count);
    }

    /**
     * A copy with the entities modified after the time and without those deleted since; this snapshot is
     * left as it is, also when reading fails.
     */
    public Ss12000Snapshot updated(Ss12000Client client, Instant after) {
        Map<String, Map<String, Ss12000Model.Entity>> copy = new LinkedHashMap<>();
        int count = 0;
        for (Endpoint<?> endpoint : ENDPOINTS) {
            Map<String, Ss12000Model.Entity> byId = new LinkedHashMap<>(entities.getOrDefault(endpoint.name(), Map.of()));
            for (Ss12000Model.Entity entity : client.list(endpoint, after)) {
                byId.put(entity.id(), entity);
                count++;
            }
            copy.put(endpoint.name(), byId);
        }
        Map<String, Set<String>> gone = new LinkedHashMap<>();
        deleted.forEach((type, ids) -> gone.put(type, new HashSet<>(ids)));
        for (Map.Entry<String, Set<String>> removed : client.deletedAfter(after).entrySet()) {
            Map<String, Ss12000Model.Entity> byId = copy.get(removed.getKey());
            if (byId != null) {
                for (String id : removed.getValue()) {
                    if (byId.remove(id) != null) {
                        count++;
                    }
                    gone.computeIfAbsent(removed.getKey(), type -> new HashSet<>()).add(id);
                }
            }
        }
        return new Ss12000Snapshot(copy, gone, count);
    }

    /** The entities of one endpoint, in the order the register gave them. */
    @SuppressWarnings("unchecked")
    public <T extends Ss12000Model.Entity> Collection<T> all(Endpoint<T> endpoint) {
        return (Collection<T>) Collections.unmodifiableCollection(
                entities.getOrDefault(endpoint.name(), Map.of()).values());
    }

    /** One entity by id, or null. */
    @SuppressWarnings("unchecked")
    public <T extends Ss12000Model.Entity> T get(Endpoint<T> endpoint, String id) {
        return id == null ? null : (T) entities.getOrDefault(endpoint.name(), Map.of()).get(id);
    }

    /** Whether the register said it deleted this entity since the last full read. */
    public boolean wasDeleted(Endpoint<?> endpoint, String id) {
        return deleted.getOrDefault(endpoint.name(), Set.of()).contains(id);
    }

    /** How many entities the read that made this snapshot brought: all of them, or those changed and deleted. */
    public int changes() {
        return changes;
    }
}
