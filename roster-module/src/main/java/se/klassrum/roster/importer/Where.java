package se.klassrum.roster.importer;

/** The file and line a value came from, so that a problem found later can still name them. */
record Where(String file, long line) {

    ImportProblem problem(String message) {
        return new ImportProblem(file, line, message);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
