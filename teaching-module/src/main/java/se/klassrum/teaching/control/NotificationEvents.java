package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.klassrum.teaching.entity.Happened;

import java.util.UUID;

/**
 * Writes what happened ({@link Happened}, fired by the teaching boundaries) as a row of {@code notification_event}, in
 * the transaction of the change itself: an event exists exactly when its change is committed. The row points at the
 * content and names the student; who may read it is decided when a list is read. Those who want a mail at once get
 * one in the outbox, decided and written when it is sent ({@link NotificationMails}).
 */
@ApplicationScoped
public class NotificationEvents {

    @Inject
    TeachingContext context;

    @Inject
    NotificationRows rows;

    @Inject
    NotificationPreferences preferences;

    void record(@Observes Happened happened) {
        UUID eventId = UUID.randomUUID();
        context.em().createNativeQuery("""
                        insert into notification_event (id, tenant_id, kind, group_id, content_id, student_id, actor_id, created_at)
                        select cast(?1 as uuid), g.tenant_id, ?2, g.id, cast(?3 as uuid), cast(?4 as uuid), cast(?5 as uuid), ?6
                        from study_group g where g.id = cast(?7 as uuid)
                        """)
                .setParameter(1, eventId.toString())
                .setParameter(2, happened.kind().name())
                .setParameter(3, happened.contentId().toString())
                .setParameter(4, happened.studentId() == null ? null : happened.studentId().toString())
                .setParameter(5, context.callerPersonIdOrNull() == null ? null : context.callerPersonIdOrNull().toString())
                .setParameter(6, context.now())
                .setParameter(7, happened.groupId().toString())
                .executeUpdate();
        rows.mailAtOnce(eventId, preferences.defaultFrequency().name(), context.now());
    }
}
