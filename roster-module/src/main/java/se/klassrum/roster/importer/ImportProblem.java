package se.klassrum.roster.importer;

/**
 * One reason to refuse an import, tied to the file and line it was found on.
 *
 * @param line the 1-based line in the file (the header is line 1), or 0 for a problem of the whole file
 */
public record ImportProblem(String file, long line, String message) {

    /** "users.csv:12: message", or "users.csv: message" for the whole file. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
