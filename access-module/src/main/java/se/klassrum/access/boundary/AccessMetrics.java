package se.klassrum.access.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import se.klassrum.access.api.DataKind;
import se.klassrum.access.api.NoStudentData;

/**
 * The guard's decisions as metrics (README.md, "Operations"): how many were allowed and denied per kind of data, and how
 * long they took. Every counter is made once, at start-up, so that a decision only adds to counters (lock-free
 * {@code LongAdder}s in Payara's implementation): the runtime's timers and histograms take a lock per update, which the
 * guard's hot path does without. The latency is therefore kept as a total (its rate divided by the decisions' rate is
 * the mean) and as counts of decisions slower than fixed thresholds. The tags carry the kind of data and the outcome
 * only, never a person.
 */
@ApplicationScoped
@NoStudentData("counts the guard's decisions by kind of data and outcome; it is told no person")
public class AccessMetrics {

    /** The thresholds of "slower than", in nanoseconds, and their tag values in seconds. */
    private static final long[] SLOW_NANOS = {1_000_000L, 10_000_000L, 100_000_000L};
    private static final String[] SLOW_SECONDS = {"0.001", "0.01", "0.1"};

    @Inject
    MetricRegistry registry;

    /** Per kind: [denied, allowed]. */
    private Counter[][] decisions;
    /** Per form (single, list): the nanoseconds spent deciding. */
    private Counter[] nanoseconds;
    /** Per form and threshold: decisions slower than it. */
    private Counter[][] slower;

    @PostConstruct
    void register() {
        Metadata decided = Metadata.builder().withName("klassrum.access.decisions")
                .withDescription("Access decisions by kind of data and outcome; a list counts each of its items").build();
        decisions = new Counter[DataKind.values().length][2];
        for (DataKind kind : DataKind.values()) {
            decisions[kind.ordinal()][0] = registry.counter(decided, new Tag("kind", kind.name()), new Tag("outcome", "denied"));
            decisions[kind.ordinal()][1] = registry.counter(decided, new Tag("kind", kind.name()), new Tag("outcome", "allowed"));
        }
        Metadata spent = Metadata.builder().withName("klassrum.access.decision.nanoseconds").withUnit(MetricUnits.NONE)
                .withDescription("Nanoseconds spent deciding (facts read and rules applied; not the audit append), "
                        + "per form: a single decision, or a batch of a list's items").build();
        Metadata slow = Metadata.builder().withName("klassrum.access.decision.slow")
                .withDescription("Decisions (single) or batches (list) that took longer than the threshold in seconds")
                .build();
        Form[] forms = Form.values();
        nanoseconds = new Counter[forms.length];
        slower = new Counter[forms.length][SLOW_NANOS.length];
        for (Form form : forms) {
            Tag tag = new Tag("form", form.tag);
            nanoseconds[form.ordinal()] = registry.counter(spent, tag);
            for (int threshold = 0; threshold < SLOW_NANOS.length; threshold++) {
                slower[form.ordinal()][threshold] = registry.counter(slow, tag, new Tag("over", SLOW_SECONDS[threshold]));
            }
        }
    }

    /** Made when the application starts, so that a scrape finds every counter from the first one on. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the counters are registered as the bean is made
    }

    /** A single decision, or a batch of a list's decisions, and how long it took from {@code startedNanos}. */
    public void decided(DataKind kind, Form form, int allowed, int denied, long startedNanos) {
        long took = System.nanoTime() - startedNanos;
        Counter[] ofKind = decisions[kind.ordinal()];
        if (allowed > 0) {
            ofKind[1].inc(allowed);
        }
        if (denied > 0) {
            ofKind[0].inc(denied);
        }
        nanoseconds[form.ordinal()].inc(Math.max(took, 0));
        Counter[] thresholds = slower[form.ordinal()];
        for (int threshold = 0; threshold < SLOW_NANOS.length && took > SLOW_NANOS[threshold]; threshold++) {
            thresholds[threshold].inc();
        }
    }

    /** Whether a decision was asked alone or as a batch of a list. */
    public enum Form {
        SINGLE("single"), LIST("list");

        private final String tag;

        Form(String tag) {
            this.tag = tag;
        }
    }
}
