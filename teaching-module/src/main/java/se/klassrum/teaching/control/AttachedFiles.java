package se.klassrum.teaching.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.entity.Assignment;
import se.klassrum.teaching.entity.Attachment;
import se.klassrum.teaching.entity.Post;
import se.klassrum.teaching.entity.Submission;
import se.klassrum.teaching.entity.SubmissionEntry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stored bytes of attachments, kept in step with their rows: an object stored for a transaction that does not
 * commit is removed again, and the objects of rows removed by a transaction are removed once it has committed (a
 * removal that fails then is left to the sweep of objects without a row). No reader ever sees a row without its
 * file or a file removed while its row is still there.
 */
@ApplicationScoped
public class AttachedFiles {

    private static final Logger LOG = Logger.getLogger(AttachedFiles.class.getName());
    private static final int SWEEP_BATCH = 500;

    @Inject
    FileStorage storage;

    @Inject
    TeachingContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Stores the upload under a new random key, for the current transaction: removed again unless it commits. */
    public String store(Uploads.Upload upload) throws IOException {
        String key = FileKeys.newKey();
        afterCompletion(committed -> {
            if (!committed) {
                remove(key);
            }
        });
        storage.put(key, upload.file());
        return key;
    }

    /** Removes the rows now and their objects once the transaction has committed. */
    public void removeAll(List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return;
        }
        List<String> keys = attachments.stream().map(Attachment::storageKey).toList();
        attachments.forEach(context.em()::remove);
        afterCompletion(committed -> {
            if (committed) {
                keys.forEach(this::remove);
            }
        });
    }

    /**
     * The submission's waiting files go with the entry just recorded: the student's draft files with a hand-in, a
     * teacher's files with their answer.
     */
    public void goWith(Submission submission, SubmissionEntry recorded) {
        boolean handIn = recorded.kind() == SubmissionEntry.Kind.HANDED_IN;
        context.em().createQuery("select a from Attachment a where a.submission = :submission and a.entry is null",
                        Attachment.class)
                .setParameter("submission", submission)
                .getResultStream()
                .filter(attachment -> handIn ? attachment.isDraft() : attachment.isPendingAnswer())
                .forEach(attachment -> attachment.goWith(recorded));
    }

    /** The rows of the content's files, to be removed with it. */
    public List<Attachment> of(Post post) {
        return context.em().createQuery("select a from Attachment a where a.post = :post", Attachment.class)
                .setParameter("post", post).getResultList();
    }

    public List<Attachment> of(Assignment assignment) {
        return context.em().createQuery("select a from Attachment a where a.assignment = :assignment", Attachment.class)
                .setParameter("assignment", assignment).getResultList();
    }

    /** The attachment with this key in the caller's organisation; a 404 otherwise, the same for every other case. */
    public Attachment find(String key) {
        if (key == null || key.length() != 43) {
            throw new StudentDataNotFoundException();
        }
        UUID tenant = context.callerTenantId();
        return context.em().createQuery("select a from Attachment a where a.storageKey = :key", Attachment.class)
                .setParameter("key", key)
                .getResultStream()
                .filter(attachment -> attachment.tenant().id().equals(tenant))
                .findFirst()
                .orElseThrow(StudentDataNotFoundException::new);
    }

    /** The stored bytes, to be closed by the caller. */
    public InputStream open(Attachment attachment) {
        try {
            return storage.open(attachment.storageKey());
        } catch (NoSuchFileException e) {
            LOG.warning("The file of attachment " + attachment.id() + " is missing from the file storage");
            throw new StudentDataNotFoundException();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the stored objects that no attachment row names any more and that are older than {@code minimumAge}
     * (a removal after a commit that failed, a node that stopped between a commit and its removals). Younger ones are
     * left alone: an upload stores its object before its row commits.
     *
     * @return how many objects it removed
     */
    public int sweep(Duration minimumAge) throws IOException {
        Instant before = Instant.now().minus(minimumAge);
        List<String> old = new ArrayList<>();
        storage.forEach(object -> {
            if (object.storedAt().isBefore(before)) {
                old.add(object.key());
            }
        });
        int removed = 0;
        for (int from = 0; from < old.size(); from += SWEEP_BATCH) {
            List<String> batch = old.subList(from, Math.min(old.size(), from + SWEEP_BATCH));
            Set<String> named = new HashSet<>(context.em().createQuery(
                            "select a.storageKey from Attachment a where a.storageKey in :keys", String.class)
                    .setParameter("keys", batch).getResultList());
            for (String key : batch) {
                if (!named.contains(key)) {
                    storage.delete(key);
                    removed++;
                }
            }
        }
        return removed;
    }

    private void remove(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove a stored file; the sweep removes it later", e);
        }
    }

    private void afterCompletion(java.util.function.Consumer<Boolean> action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }
}
