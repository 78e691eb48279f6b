package se.klassrum.web.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RequestObservationTest {

    @Test
    void anEndpointIsNamedByItsPathTemplateNeverByTheIdsInThePath() {
        assertThat(RequestObservation.template(StudentsResource.class, method(StudentsResource.class, "profile")))
                .isEqualTo("/api/v1/students/{id}");
        assertThat(RequestObservation.template(GroupsResource.class, method(GroupsResource.class, "members")))
                .isEqualTo("/api/v1/groups/{group}/members");
    }

    @Test
    void aTemplatesRegularExpressionsAreLeftOut() {
        assertThat(RequestObservation.template(GuardianResource.class, method(GuardianResource.class, "setLogin")))
                .isEqualTo("/api/v1/guardian/administration/logins/{login}/{switch}");
        assertThat(RequestObservation.withoutExpressions("/api/v1/x/{id: [0-9a-f-]{36}}/audit/{ entry : \\d+ }"))
                .isEqualTo("/api/v1/x/{id}/audit/{entry}");
    }

    @Test
    void aSubclassThatTheContainerMayHandOverIsNamedByItsResourceClass() {
        class Proxy extends StudentsResource {
        }
        assertThat(RequestObservation.template(Proxy.class, method(StudentsResource.class, "profile")))
                .isEqualTo("/api/v1/students/{id}");
    }

    private static Method method(Class<?> resource, String name) {
        return Arrays.stream(resource.getDeclaredMethods()).filter(method -> method.getName().equals(name)).findFirst()
                .orElseThrow();
    }
}
