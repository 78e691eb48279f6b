package se.klassrum.roster.importer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * This node's import slots: how many imports and syncs of all organisations it reads and writes at once
 * ({@code klassrum.import.parallel}), and which organisation's run holds each, so that a second run of the same
 * organisation is told about the first even before the first's row is committed.
 */
public final class ImportSlots {

    private final int size;
    private final Semaphore free;
    private final Map<UUID, UUID> runByTenant = new ConcurrentHashMap<>();

    public ImportSlots(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("klassrum.import.parallel must be at least 1, not " + size);
        }
        this.size = size;
        this.free = new Semaphore(size);
    }

    public int size() {
        return size;
    }

    /** Takes a slot for the tenant's run, if one is free and the tenant has no run holding one here. */
    boolean tryTake(UUID tenantId, UUID runId) {
        if (!free.tryAcquire()) {
            return false;
        }
        if (tenantId != null && runByTenant.putIfAbsent(tenantId, runId) != null) {
            free.release();
            return false;
        }
        return true;
    }

    /** The tenant's run that holds a slot of this node, if any. */
    Optional<UUID> runOf(UUID tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(runByTenant.get(tenantId));
    }

    void give(UUID tenantId, UUID runId) {
        if (tenantId != null) {
            runByTenant.remove(tenantId, runId);
        }
        free.release();
    }
}
