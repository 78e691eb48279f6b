package se.klassrum.roster.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem found in a run, so that all of them are reported at once rather than the first only. */
final class Problems {

    /** A file's problems listed on a run; more are counted in one line, so that a broken file stays readable. */
    static final int LISTED_PER_FILE = 20;

    private final List<ImportProblem> found = new ArrayList<>();
    /** Notes found while reading files (before there is a roster set to keep them): a tolerated oddity. */
    private final java.util.Set<String> notes = new java.util.LinkedHashSet<>();

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    void add(ImportProblem problem) {
        found.add(problem);
    }

    void add(Where where, String message) {
        found.add(where.problem(message));
    }

    void add(String file, long line, String message) {
        found.add(new ImportProblem(file, line, message));
    }

    void fileProblem(String file, String message) {
        found.add(new ImportProblem(file, 0, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    /** In file order, then line order, so that a long list reads like the files. */
    List<ImportProblem> sorted() {
        List<ImportProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing(ImportProblem::file).thenComparingLong(ImportProblem::line));
        return sorted;
    }

    /** As {@link #sorted()}, with at most {@link #LISTED_PER_FILE} of a file's problems and a count of the rest. */
    List<ImportProblem> listed() {
        List<ImportProblem> listed = new ArrayList<>();
        String file = null;
        int ofFile = 0;
        for (ImportProblem problem : sorted()) {
            if (!problem.file().equals(file)) {
                countRest(listed, file, ofFile);
                file = problem.file();
                ofFile = 0;
            }
            if (++ofFile <= LISTED_PER_FILE) {
                listed.add(problem);
            }
        }
        countRest(listed, file, ofFile);
        return listed;
    }

    private static void countRest(List<ImportProblem> listed, String file, int ofFile) {
        if (ofFile > LISTED_PER_FILE) {
            int rest = ofFile - LISTED_PER_FILE;
            listed.add(new ImportProblem(file, 0, rest + (rest == 1 ? " more problem in this file is" : " more problems"
                    + " in this file are") + " not listed"));
        }
    }
}
