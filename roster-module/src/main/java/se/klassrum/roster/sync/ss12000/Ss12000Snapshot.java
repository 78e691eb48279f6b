package se.klassrum.roster.sync.ss12000;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

    /**
     * The endpoints a register may leave out, with what is then absent from the roster. The others (organisations,
     * persons, duties, groups with their memberships) carry what the access rules cannot do without.
     */
    public static final Map<String, String> OPTIONAL = Map.of(
            Endpoint.PLACEMENTS.name(), "placed children (fritidshem, förskola) get no student role from it",
            Endpoint.ACTIVITIES.name(), "teaching groups get no owning teacher and no syllabus from it, and teachers"
                    + " no subject",
            Endpoint.SYLLABUSES.name(), "teaching groups have no syllabus and teachers get no subject from it");

    private final Map<String, Map<String, Ss12000Model.Entity>> entities;
    /** Endpoints the register did not offer (404 or 501) in the read that made this snapshot. */
    private final Set<String> missing = new java.util.LinkedHashSet<>();

    /** What the run should say about this read, beside the roster's own notes. */
    private final List<String> notes = new java.util.ArrayList<>();
    /** Ids deleted since the last full read, by type: a reference to one left behind is stale, not wrong. */
    private final Map<String, Set<String>> deleted;
    private final int changes;

    private Ss12000Snapshot(Map<String, Map<String, Ss12000Model.Entity>> entities, Map<String, Set<String>> deleted,
                            int changes) {
        this.entities = entities;
        this.deleted = deleted;
        this.changes = changes;
    }

    /**
     * Reads the whole register. An optional endpoint the register does not offer is read as empty, with a note.
     *
     * @throws Ss12000Exception when the register cannot be read, or does not offer an endpoint the sync needs
     */
    public static Ss12000Snapshot read(Ss12000Client client) {
        Map<String, Map<String, Ss12000Model.Entity>> entities = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        int count = 0;
        for (Endpoint<?> endpoint : ENDPOINTS) {
            Map<String, Ss12000Model.Entity> byId = new LinkedHashMap<>();
            List<? extends Ss12000Model.Entity> read = listIfOffered(client, endpoint, null, missing);
            if (read != null) {
                read.forEach(entity -> byId.put(entity.id(), entity));
            }
            count += byId.size();
            entities.put(endpoint.name(), byId);
        }
        Ss12000Snapshot snapshot = new Ss12000Snapshot(entities, Map.of(), count);
        snapshot.missing(missing);
        return snapshot;
    }

    /**
     * The endpoint's entities, or null when the register does not offer an optional endpoint.
     *
     * @throws Ss12000Exception for a required endpoint the register does not offer, saying what to do
     */
    private static List<? extends Ss12000Model.Entity> listIfOffered(Ss12000Client client, Endpoint<?> endpoint,
                                                                   Instant after, Map<String, String> missing) {
        try {
            return client.list(endpoint, after);
        } catch (Ss12000Exception refused) {
            if (refused.reason() != Ss12000Exception.Reason.NOT_OFFERED) {
                throw refused;
            }
            if (!OPTIONAL.containsKey(endpoint.name())) {
                throw new Ss12000Exception(Ss12000Exception.Reason.NOT_OFFERED, refused.status(), refused.getMessage()
                        + ", which the sync cannot do without: check the base URL (KLASSRUM_SS12000_BASE_URL) and ask"
                        + " the register's supplier for the endpoint", refused);
            }
            missing.put(endpoint.name(), refused.getMessage());
            return null;
        }
    }

    private void missing(Map<String, String> endpoints) {
        endpoints.forEach((endpoint, message) -> {
            missing.add(endpoint);
            notes.add(endpoint + ": " + message + ": " + OPTIONAL.get(endpoint));
        });
    }

    /**
     * A copy with the entities modified after the time and without those deleted since; this snapshot is
     * left as it is, also when reading fails.
     */
    public Ss12000Snapshot updated(Ss12000Client client, Instant after) {
        Map<String, Set<String>> deletions;
        try {
            deletions = client.deletedAfter(after);
        } catch (Ss12000Exception refused) {
            if (refused.reason() != Ss12000Exception.Reason.NOT_OFFERED) {
                throw refused;
            }
            // Without /deletedEntities a delta cannot see what was deleted: only a whole read can.
            Ss12000Snapshot whole = read(client);
            whole.notes.add(0, "deletedEntities: " + refused.getMessage() + ": what was deleted cannot be read as a"
                    + " change, so every run reads the whole register");
            return whole;
        }
        Map<String, Map<String, Ss12000Model.Entity>> copy = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        int count = 0;
        for (Endpoint<?> endpoint : ENDPOINTS) {
            Map<String, Ss12000Model.Entity> byId = new LinkedHashMap<>(entities.getOrDefault(endpoint.name(), Map.of()));
            List<? extends Ss12000Model.Entity> changed = listIfOffered(client, endpoint, after, missing);
            if (changed == null) {
                count += byId.size();
                byId.clear();
            } else {
                for (Ss12000Model.Entity entity : changed) {
                    byId.put(entity.id(), entity);
                    count++;
                }
            }
            copy.put(endpoint.name(), byId);
        }
        Map<String, Set<String>> gone = new LinkedHashMap<>();
        deleted.forEach((type, ids) -> gone.put(type, new HashSet<>(ids)));
        for (Map.Entry<String, Set<String>> removed : deletions.entrySet()) {
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
        Ss12000Snapshot snapshot = new Ss12000Snapshot(copy, gone, count);
        snapshot.missing(missing);
        return snapshot;
    }

    /** Whether the register offered the endpoint in the read that made this snapshot (a kept one: as far as known). */
    public boolean offers(Endpoint<?> endpoint) {
        return !missing.contains(endpoint.name());
    }

    /** What the run should say about the read that made this snapshot: endpoints missing, a whole read instead. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Adds a note for the run, e.g. why the whole register was read; returns this snapshot. */
    public Ss12000Snapshot noted(String note) {
        notes.add(note);
        return this;
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

    /** The snapshot as it is kept between runs: every entity by endpoint, and the ids deleted since the full read. */
    public record Stored(List<Ss12000Model.Organisation> organisations, List<Ss12000Model.Person> persons,
                         List<Ss12000Model.Placement> placements, List<Ss12000Model.Duty> duties,
                         List<Ss12000Model.Group> groups, List<Ss12000Model.Activity> activities,
                         List<Ss12000Model.Syllabus> syllabuses, Map<String, Set<String>> deleted) {
    }

    /** The snapshot as gzip-compressed JSON (JSON-B), to keep it between runs and restarts. */
    public byte[] toBytes() {
        Stored stored = new Stored(list(Endpoint.ORGANISATIONS), list(Endpoint.PERSONS), list(Endpoint.PLACEMENTS),
                list(Endpoint.DUTIES), list(Endpoint.GROUPS), list(Endpoint.ACTIVITIES), list(Endpoint.SYLLABUSES),
                deleted);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Jsonb jsonb = JsonbBuilder.create(); GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            jsonb.toJson(stored, gzip);
        } catch (Exception e) {
            throw new IllegalStateException("the SS 12000 snapshot could not be written", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A snapshot kept by {@link #toBytes()}; it counts no changes.
     *
     * @throws IllegalStateException when the bytes are not such a snapshot
     */
    public static Ss12000Snapshot fromBytes(byte[] bytes) {
        Stored stored;
        try (Jsonb jsonb = JsonbBuilder.create();
             GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            stored = jsonb.fromJson(gzip, Stored.class);
        } catch (Exception e) {
            throw new IllegalStateException("the kept SS 12000 snapshot could not be read", e);
        }
        Map<String, Map<String, Ss12000Model.Entity>> entities = new LinkedHashMap<>();
        put(entities, Endpoint.ORGANISATIONS, stored.organisations());
        put(entities, Endpoint.PERSONS, stored.persons());
        put(entities, Endpoint.PLACEMENTS, stored.placements());
        put(entities, Endpoint.DUTIES, stored.duties());
        put(entities, Endpoint.GROUPS, stored.groups());
        put(entities, Endpoint.ACTIVITIES, stored.activities());
        put(entities, Endpoint.SYLLABUSES, stored.syllabuses());
        Map<String, Set<String>> deleted = new LinkedHashMap<>();
        if (stored.deleted() != null) {
            stored.deleted().forEach((type, ids) -> deleted.put(type, new HashSet<>(ids)));
        }
        return new Ss12000Snapshot(entities, deleted, 0);
    }

    private <T extends Ss12000Model.Entity> List<T> list(Endpoint<T> endpoint) {
        return List.copyOf(all(endpoint));
    }

    private static void put(Map<String, Map<String, Ss12000Model.Entity>> entities, Endpoint<?> endpoint,
                            List<? extends Ss12000Model.Entity> list) {
        Map<String, Ss12000Model.Entity> byId = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(entity -> byId.put(entity.id(), entity));
        }
        entities.put(endpoint.name(), byId);
    }

    /** The entities by endpoint, for comparing two snapshots. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Ss12000Snapshot snapshot && entities.equals(snapshot.entities)
                && deleted.equals(snapshot.deleted);
    }

    @Override
    public int hashCode() {
        return entities.hashCode();
    }

    /** How many entities the read that made this snapshot brought: all of them, or those changed and deleted. */
    public int changes() {
        return changes;
    }
}
