package se.klassrum.roster.control;

import org.junit.jupiter.api.Test;
import se.klassrum.access.api.SchoolRoleKind;
import se.klassrum.roster.entity.GroupKind;
import se.klassrum.roster.entity.LicenceKind;
import se.klassrum.roster.entity.MembershipRole;
import se.klassrum.roster.entity.RoleKind;

import java.util.Arrays;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every constant of the roster has its counterpart in the access rules and the other way round, so that
 * neither side can gain a constant that the other silently drops. A new roster constant already fails to
 * compile in RosterToAccess; a new access constant fails here.
 */
class RosterToAccessTest {

    @Test
    void school_roles_map_one_to_one() {
        assertOneToOne(RoleKind.values(), SchoolRoleKind.values(), RosterToAccess::role);
    }

    @Test
    void licences_map_one_to_one() {
        assertOneToOne(LicenceKind.values(), se.klassrum.access.api.LicenceKind.values(), RosterToAccess::licence);
    }

    @Test
    void group_kinds_map_one_to_one() {
        assertOneToOne(GroupKind.values(), se.klassrum.access.api.GroupKind.values(), RosterToAccess::group);
    }

    @Test
    void membership_roles_map_one_to_one() {
        assertOneToOne(MembershipRole.values(), se.klassrum.access.api.MembershipRole.values(), RosterToAccess::membership);
    }

    private static <R extends Enum<R>, A extends Enum<A>> void assertOneToOne(R[] roster, A[] access, Function<R, A> map) {
        for (R constant : roster) {
            assertThat(map.apply(constant).name()).as("the access rules' word for the roster's " + constant)
                    .isEqualTo(constant.name());
        }
        assertThat(Arrays.stream(roster).map(map)).as("access constants the roster can produce")
                .containsExactlyInAnyOrder(access);
    }
}
