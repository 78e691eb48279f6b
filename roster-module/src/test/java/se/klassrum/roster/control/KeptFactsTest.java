package se.klassrum.roster.control;

import org.junit.jupiter.api.Test;
import se.klassrum.access.api.AccessFacts;
import se.klassrum.access.api.RosterFactsPort.Subject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a node keeps of the facts it read: only under the version read before them, and never more than its bound. */
class KeptFactsTest {

    private static final UUID TEACHER = UUID.randomUUID();
    private static final AccessFacts NOTHING = new AccessFacts(null, null, Map.of(), List.of(), List.of(), List.of(),
            Map.of(), Set.of(), List.of());

    @Test
    void facts_are_found_only_under_the_version_they_were_kept_under() {
        KeptFacts kept = new KeptFacts(100);
        KeptFacts.Key page = key(3);
        kept.put(7, page, facts(page));

        assertThat(kept.get(7, page)).isEqualTo(facts(page));
        assertThat(kept.get(8, page)).as("the version moved: read again").isNull();
        assertThat(kept.get(7, key(3))).as("other questions").isNull();
        assertThat(kept.hits.get()).isEqualTo(1);
        assertThat(kept.misses.get()).isEqualTo(2);
    }

    @Test
    void a_newer_version_drops_what_was_kept_and_an_older_one_keeps_nothing() {
        KeptFacts kept = new KeptFacts(100);
        KeptFacts.Key first = key(2);
        KeptFacts.Key second = key(2);
        kept.put(7, first, facts(first));
        kept.put(8, second, facts(second));
        assertThat(kept.size()).isEqualTo(2);

        kept.put(7, first, facts(first));
        assertThat(kept.get(7, first)).as("read under a version older than the newest: not kept").isNull();
        assertThat(kept.get(8, second)).isNotNull();
    }

    @Test
    void it_keeps_at_most_its_bound_of_questions_and_none_when_off() {
        KeptFacts kept = new KeptFacts(5);
        KeptFacts.Key three = key(3);
        KeptFacts.Key two = key(2);
        KeptFacts.Key another = key(2);
        kept.put(1, three, facts(three));
        kept.put(1, two, facts(two));
        assertThat(kept.size()).isEqualTo(5);

        kept.put(1, another, facts(another));
        assertThat(kept.size()).as("full: everything dropped first").isEqualTo(2);
        assertThat(kept.get(1, three)).isNull();
        assertThat(kept.get(1, another)).isNotNull();

        KeptFacts.Key tooLarge = key(6);
        kept.put(1, tooLarge, facts(tooLarge));
        assertThat(kept.get(1, tooLarge)).isNull();
        assertThat(kept.get(1, another)).isNotNull();

        assertThat(new KeptFacts(0).enabled()).isFalse();
    }

    private static KeptFacts.Key key(int students) {
        Set<Subject> subjects = new java.util.LinkedHashSet<>();
        UUID group = UUID.randomUUID();
        for (int i = 0; i < students; i++) {
            subjects.add(new Subject(UUID.randomUUID(), group));
        }
        return new KeptFacts.Key(TEACHER, Set.copyOf(subjects));
    }

    private static Map<Subject, AccessFacts> facts(KeptFacts.Key key) {
        Map<Subject, AccessFacts> facts = new LinkedHashMap<>();
        key.subjects().forEach(subject -> facts.put(subject, NOTHING));
        return facts;
    }
}
