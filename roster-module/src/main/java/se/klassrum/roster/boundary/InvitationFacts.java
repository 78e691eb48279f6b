package se.klassrum.roster.boundary;

/**
 * Which guardians each development talk invites, read into the access facts ({@code AccessFacts#invitedGuardians}).
 * The talks live in the teaching module, which depends on the roster, not the other way round: that module supplies
 * the select, and the roster's facts adapter makes it a part of its one statement, so a list of talks is decided on
 * facts read together, never one query per talk.
 */
public interface InvitationFacts {

    /**
     * A select of the rows {@code (talk_id uuid, guardian_id uuid)}, one per guardian a talk invites, of the talks in
     * {@code q.talks}: a uuid array column of the statement's first common table expression, {@code question}, which
     * the select joins as {@code question q}.
     */
    String select();
}
