package se.klassrum.web.api;

/** Example problem bodies for the OpenAPI document, as the API really answers. */
public final class ProblemExamples {

    public static final String DENIED = "{\"type\":\"https://klassrum.se/problems/access-denied\",\"title\":\"Access denied\","
            + "\"status\":403,\"detail\":\"A prerequisite for seeing this student's information is missing.\","
            + "\"prerequisites\":[{\"code\":\"TEACHER_SUBJECT\",\"path\":\"TEACHER\","
            + "\"message\":\"You are not linked to the subject ENG at Solbacka gymnasium\"}],\"requestId\":\"3f6c1e9a-2b47-4d0e-9a51-7c2d8e4b1f60\"}";
    public static final String NOT_FOUND = "{\"type\":\"https://klassrum.se/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"There is no such student or group.\",\"requestId\":\"3f6c1e9a-2b47-4d0e-9a51-7c2d8e4b1f60\"}";
    public static final String NOT_SIGNED_IN = "{\"type\":\"https://klassrum.se/problems/not-signed-in\",\"title\":\"Not signed in\","
            + "\"status\":401,\"detail\":\"Send a token of a person or application that Klassrum knows.\",\"requestId\":\"3f6c1e9a-2b47-4d0e-9a51-7c2d8e4b1f60\"}";
    public static final String INVALID = "{\"type\":\"https://klassrum.se/problems/invalid-input\",\"title\":\"Invalid input\","
            + "\"status\":400,\"detail\":\"Some fields are missing or invalid.\","
            + "\"errors\":[{\"field\":\"dueAt\",\"message\":\"must not be null\"}],\"requestId\":\"3f6c1e9a-2b47-4d0e-9a51-7c2d8e4b1f60\"}";
    public static final String REFUSED = "{\"type\":\"https://klassrum.se/problems/refused\",\"title\":\"Not possible\","
            + "\"status\":409,\"detail\":\"The submission was already returned with feedback\",\"code\":\"ALREADY_RETURNED\",\"requestId\":\"3f6c1e9a-2b47-4d0e-9a51-7c2d8e4b1f60\"}";

    private ProblemExamples() {
    }
}
