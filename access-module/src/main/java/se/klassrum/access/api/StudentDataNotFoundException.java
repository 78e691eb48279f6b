package se.klassrum.access.api;

/**
 * The student or group does not exist for the caller. Deliberately the same whether it does not exist at
 * all or exists in another tenant, so that nobody can probe another organisation's ids.
 */
public class StudentDataNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StudentDataNotFoundException() {
        super("No such student or group");
    }
}
