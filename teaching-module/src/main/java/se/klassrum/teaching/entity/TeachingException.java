package se.klassrum.teaching.entity;

/**
 * A teaching operation that the domain refuses, with a message for the user in Swedish and English.
 * Unchecked, so that the transaction around the call rolls back.
 */
public class TeachingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String swedish;

    public TeachingException(String code, String swedish, String english) {
        super(english);
        this.code = code;
        this.swedish = swedish;
    }

    public String code() {
        return code;
    }

    public String swedish() {
        return swedish;
    }

    public String english() {
        return getMessage();
    }
}
