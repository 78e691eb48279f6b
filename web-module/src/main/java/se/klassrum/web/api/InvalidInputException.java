package se.klassrum.web.api;

/** A request parameter that cannot be used, named, with its message in both languages. */
class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String swedish;

    InvalidInputException(String field, String swedish, String english) {
        super(english);
        this.field = field;
        this.swedish = swedish;
    }

    String field() {
        return field;
    }

    String swedish() {
        return swedish;
    }

    String english() {
        return getMessage();
    }
}
