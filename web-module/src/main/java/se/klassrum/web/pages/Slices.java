package se.klassrum.web.pages;

import se.klassrum.access.api.Page;
import se.klassrum.access.api.Slice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reading a list that a page shows whole: page after page of the largest size, up to a bound. */
final class Slices {

    private Slices() {
    }

    /** The items of the first {@code maxPages} pages of the list, in its order. */
    static <T> List<T> all(Function<Page, Slice<T>> read, int maxPages) {
        List<T> items = new ArrayList<>();
        Slice<T> slice = read.apply(Page.first(Page.MAX_LIMIT));
        items.addAll(slice.items());
        for (int i = 1; i < maxPages && slice.nextCursor() != null; i++) {
            slice = read.apply(new Page(Page.MAX_LIMIT, slice.nextCursor()));
            items.addAll(slice.items());
        }
        return items;
    }
}
