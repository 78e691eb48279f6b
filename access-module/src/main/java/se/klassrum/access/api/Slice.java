package se.klassrum.access.api;

import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a list in a stable order. A {@link StudentData} method that returns a slice of
 * {@link StudentOwned} items without naming a student has its items decided together: the caller receives
 * only the items they may see, refilled from further rows up to the page's limit, and a cursor made from the
 * last item they received (see {@code StudentDataInterceptor}). What the items show beyond their rows (a
 * member's other groups, say) can be left to {@link #withDetails details}, read for the received items only once
 * they are decided, from the facts their decision read where those serve.
 *
 * @param nextCursor pass it to get the next page; null on the last page
 * @param positions  the sort keys of each item, in the list's order, ending with its id (never sent: the
 *                   cursor is made from them); {@link #more} says whether rows follow the last item
 * @param details    completes the items, or null when they are complete (never sent)
 */
public record Slice<T>(List<T> items,
                       String nextCursor,
                       @JsonbTransient @Schema(hidden = true) Positions positions,
                       @JsonbTransient @Schema(hidden = true) Details<T> details) {

    public Slice {
        items = List.copyOf(items);
        if (positions != null && positions.keys().size() != items.size()) {
            throw new IllegalArgumentException("one position per item");
        }
    }

    /** A page whose items are complete. */
    public Slice(List<T> items, String nextCursor, Positions positions) {
        this(items, nextCursor, positions, null);
    }

    /** A finished page: these items, and the cursor that continues after them (null on the last page). */
    public Slice(List<T> items, String nextCursor) {
        this(items, nextCursor, null, null);
    }

    /**
     * The page from rows fetched with one more than the page's limit: the extra row only says there is more.
     *
     * @param sortKeys the cursor keys of a row, in the list's order, ending with its id
     */
    public static <R, T> Slice<T> of(List<R> rows, Page page, Function<R, T> view, Function<R, Object[]> sortKeys) {
        boolean more = rows.size() > page.limit();
        List<R> shown = more ? rows.subList(0, page.limit()) : rows;
        List<List<String>> keys = new ArrayList<>(shown.size());
        for (R row : shown) {
            keys.add(Arrays.stream(sortKeys.apply(row)).map(String::valueOf).toList());
        }
        String next = more ? Cursors.seal(keys.get(keys.size() - 1)) : null;
        return new Slice<>(shown.stream().map(view).toList(), next, new Positions(keys, more));
    }

    /**
     * This page, its items to be completed by {@code details} once decided: behind the guard, for the items the caller
     * receives only, while the list's decision is recorded.
     */
    public Slice<T> withDetails(Details<T> details) {
        return new Slice<>(items, nextCursor, positions, details);
    }

    /** This page with its details read for all its items: for a caller who decides nothing, such as a test. */
    public Slice<T> detailed() {
        return details == null ? this : new Slice<>(details.of(items, Decided.NOTHING), nextCursor, positions);
    }

    /** Whether rows follow the last item of this page. */
    public boolean more() {
        return positions != null ? positions.more() : nextCursor != null;
    }

    /** Reads what a page's items show beyond their rows. */
    @FunctionalInterface
    public interface Details<T> {

        /**
         * The given items completed, one for each and in their order.
         *
         * @param decided the facts the page's decision read about the items' students: what they show from those need
         *                not be read again
         */
        List<T> of(List<T> items, Decided decided);
    }

    /** What a list's decision read about each student it decided, as of the access facts' version it read them under. */
    @FunctionalInterface
    public interface Decided {

        /** Nothing: no decision was made (a caller who decides nothing, such as a test). */
        Decided NOTHING = studentId -> Optional.empty();

        /** The facts the decision read about the student, or empty when it decided nothing about them. */
        Optional<AccessFacts> about(UUID studentId);
    }

    /**
     * Where each item of a page stands in its list, and whether rows follow the page's last one.
     *
     * @param keys one list of sort keys per item
     */
    public record Positions(List<List<String>> keys, boolean more) {
        public Positions {
            keys = List.copyOf(keys);
        }
    }
}
