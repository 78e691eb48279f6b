package se.klassrum.access.api;

import java.util.Map;
import java.util.Objects;

/**
 * One prerequisite judged for one path.
 *
 * @param args what an explanation names: {@code group}, {@code school}, {@code syllabus}, {@code licence},
 *             {@code permission}, {@code path}, {@code kind}, {@code operation}, and {@code detail}, which
 *             says which part of the prerequisite decided (see {@link Messages})
 */
public record PrerequisiteCheck(Prerequisite code, boolean passed, Map<String, String> args) {

    public PrerequisiteCheck {
        Objects.requireNonNull(code, "code");
        args = Map.copyOf(args);
    }

    public String detail() {
        return args.get("detail");
    }
}
