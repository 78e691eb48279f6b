package se.klassrum.teaching.entity;

/** An upload that is not taken: too large, or of a type that is not allowed. Nothing of it is kept. */
public class FileRefusedException extends TeachingException {

    private static final long serialVersionUID = 1L;

    public enum Reason { TOO_LARGE, TYPE_NOT_ALLOWED }

    private final Reason reason;

    public FileRefusedException(Reason reason, String swedish, String english) {
        super(reason == Reason.TOO_LARGE ? "FILE_TOO_LARGE" : "FILE_TYPE_NOT_ALLOWED", swedish, english);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
