package se.klassrum.guardian.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a code mail once the transaction that stored the code has committed, on another thread.
 * <p>
 * After the commit, so that no mail goes out with a code that was rolled back. On another thread, so that the
 * answer to "send me a code" takes as long, and says as much, whether or not the address has a login: sending
 * mail takes time, and may fail, only for known addresses.
 */
@ApplicationScoped
public class CodeDelivery {

    private static final Logger LOG = Logger.getLogger(CodeDelivery.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    CodeMailer mailer;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) CodeMail mail) {
        try {
            executor.execute(() -> mailer.sendQuietly(mail));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Could not queue a sign-in code for {0}: {1}", new Object[]{mail.maskedTo(), e.toString()});
        }
    }
}
