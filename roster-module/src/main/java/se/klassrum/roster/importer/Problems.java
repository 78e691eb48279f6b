package se.klassrum.roster.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every problem found in a run, so that all of them are reported at once rather than the first only. */
final class Problems {

    private final List<ImportProblem> found = new ArrayList<>();

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
}
