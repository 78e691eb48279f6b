package se.klassrum.roster.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.klassrum.roster.entity.Fixtures.mentorGroup;
import static se.klassrum.roster.entity.Fixtures.school;
import static se.klassrum.roster.entity.Fixtures.syllabus;
import static se.klassrum.roster.entity.Fixtures.teachingGroup;
import static se.klassrum.roster.entity.Fixtures.tenant;

class StudyGroupTest {

    private final Tenant solbacka = tenant("Solbacka kommun");
    private final School gymnasium = school(solbacka);

    @Test
    void a_new_group_belongs_to_its_schools_tenant_and_gives_no_access_until_connected() {
        StudyGroup group = teachingGroup(gymnasium);

        assertThat(group.tenant()).isSameAs(solbacka);
        assertThat(group.isConnected()).isFalse();
        assertThat(group.isOpenForAccess()).isFalse();

        group.connect();
        assertThat(group.isOpenForAccess()).isTrue();

        group.disconnect();
        assertThat(group.isOpenForAccess()).isFalse();
    }

    @Test
    void archiving_closes_the_group_for_good_even_while_it_is_still_connected() {
        StudyGroup group = teachingGroup(gymnasium);
        group.connect();

        group.archive();

        assertThat(group.isConnected()).isTrue();
        assertThat(group.isArchived()).isTrue();
        assertThat(group.isOpenForAccess()).isFalse();
        assertThatThrownBy(group::connect)
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.GROUP_ARCHIVED);
                    assertThat(e.messageSv()).isEqualTo("Gruppen Ma1c-A är arkiverad och kan inte längre ändras.");
                });
        assertThat(group.isOpenForAccess()).isFalse();
    }

    @Test
    void a_teaching_group_takes_a_syllabus_of_its_own_tenant_and_can_drop_it() {
        StudyGroup group = teachingGroup(gymnasium);
        Syllabus matematik = syllabus(solbacka, "MATMAT01c");

        group.linkSyllabus(matematik);
        assertThat(group.syllabus()).contains(matematik);

        group.unlinkSyllabus();
        assertThat(group.syllabus()).isEmpty();
    }

    @Test
    void a_mentor_group_cannot_have_a_syllabus() {
        StudyGroup mentors = mentorGroup(gymnasium);

        assertThatThrownBy(() -> mentors.linkSyllabus(syllabus(solbacka, "MATMAT01c")))
                .isInstanceOfSatisfying(RosterException.class, e -> {
                    assertThat(e.code()).isEqualTo(RosterError.SYLLABUS_ONLY_FOR_TEACHING_GROUP);
                    assertThat(e.messageEn())
                            .isEqualTo("A syllabus can only be linked to a teaching group; NA24a is a mentor group.");
                });
        assertThat(mentors.syllabus()).isEmpty();
    }

    @Test
    void a_syllabus_of_another_tenant_is_rejected() {
        StudyGroup group = teachingGroup(gymnasium);
        Syllabus norrasSyllabus = syllabus(tenant("Norrå kommun"), "MATMAT01c");

        assertThatThrownBy(() -> group.linkSyllabus(norrasSyllabus))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.DIFFERENT_TENANT));
        assertThat(group.syllabus()).isEmpty();
    }

    @Test
    void the_syllabus_of_an_archived_group_cannot_be_changed() {
        StudyGroup group = teachingGroup(gymnasium);
        Syllabus matematik = syllabus(solbacka, "MATMAT01c");
        group.linkSyllabus(matematik);
        group.archive();

        assertThatThrownBy(group::unlinkSyllabus).isInstanceOf(RosterException.class);
        assertThatThrownBy(() -> group.linkSyllabus(syllabus(solbacka, "FYSFYS01a"))).isInstanceOf(RosterException.class);
        assertThat(group.syllabus()).contains(matematik);
    }

    @Test
    void the_school_year_must_be_written_like_2025_26() {
        assertThatThrownBy(() -> new StudyGroup(null, gymnasium, GroupKind.TEACHING, "Ma1c-A", "2025-2026"))
                .isInstanceOfSatisfying(RosterException.class,
                        e -> assertThat(e.code()).isEqualTo(RosterError.INVALID_SCHOOL_YEAR));
    }
}
