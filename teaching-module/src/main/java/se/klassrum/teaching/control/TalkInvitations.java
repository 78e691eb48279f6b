package se.klassrum.teaching.control;

import jakarta.enterprise.context.ApplicationScoped;
import se.klassrum.roster.boundary.InvitationFacts;

/**
 * The guardians each development talk invites, as the access facts read them: the rows of
 * {@code development_talk_guardian}, which this module keeps, selected for the talks the questions name.
 */
@ApplicationScoped
public class TalkInvitations implements InvitationFacts {

    @Override
    public String select() {
        return "select g.talk_id, g.guardian_id from development_talk_guardian g, question q where g.talk_id = any(q.talks)";
    }
}
