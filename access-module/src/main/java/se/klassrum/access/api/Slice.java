package se.klassrum.access.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order. A {@link StudentData} method that returns a slice of
 * {@link StudentOwned} items without naming a student has each item decided on its own: the caller receives
 * the same page with the items they may not see left out (a page may then hold fewer than its limit).
 *
 * @param nextCursor pass it to get the next page; null on the last page
 */
public record Slice<T>(List<T> items, String nextCursor) {

    public Slice {
        items = List.copyOf(items);
    }

    /**
     * The page from rows fetched with one more than the page's limit: the extra row only says there is more.
     *
     * @param sortKeys the cursor keys of a row, in the list's order, ending with its id
     */
    public static <R, T> Slice<T> of(List<R> rows, Page page, Function<R, T> view, Function<R, Object[]> sortKeys) {
        boolean more = rows.size() > page.limit();
        List<R> shown = more ? rows.subList(0, page.limit()) : rows;
        String next = more ? Page.cursorAfter(sortKeys.apply(shown.get(shown.size() - 1))) : null;
        return new Slice<>(shown.stream().map(view).toList(), next);
    }

    /** The same page with other items, e.g. those left after filtering. */
    public <U> Slice<U> withItems(List<U> kept) {
        return new Slice<>(kept, nextCursor);
    }
}
