package se.klassrum.teaching.boundary;

import java.util.List;

/**
 * One page of a list in a stable order.
 *
 * @param nextCursor pass it to get the next page; null on the last page
 */
public record Slice<T>(List<T> items, String nextCursor) {

    public Slice {
        items = List.copyOf(items);
    }
}
