package se.klassrum.roster.boundary;

import se.klassrum.roster.entity.GroupKind;

/**
 * A new teaching or mentor group. Start with {@link #teaching} or {@link #mentor}.
 *
 * @param schoolYear       e.g. "2026/27"
 * @param externalId       the group's id in the student register, or {@code null}
 * @param microsoftGroupId the id of the Microsoft group or Team it mirrors, or {@code null}
 */
public record NewGroup(GroupKind kind, String name, String schoolYear, String externalId, String microsoftGroupId) {

    public static NewGroup teaching(String name, String schoolYear) {
        return new NewGroup(GroupKind.TEACHING, name, schoolYear, null, null);
    }

    public static NewGroup mentor(String name, String schoolYear) {
        return new NewGroup(GroupKind.MENTOR, name, schoolYear, null, null);
    }

    public NewGroup withExternalId(String id) {
        return new NewGroup(kind, name, schoolYear, id, microsoftGroupId);
    }

    public NewGroup withMicrosoftGroupId(String id) {
        return new NewGroup(kind, name, schoolYear, externalId, id);
    }
}
