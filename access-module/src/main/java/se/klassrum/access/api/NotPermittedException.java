package se.klassrum.access.api;

/** The caller is signed in but lacks the role or permission an administrative operation needs. */
public class NotPermittedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException() {
        super("This needs a school administrator or an application permission");
    }
}
