package se.klassrum.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static se.klassrum.roster.demo.DemoIds.PERSON_ANNA;
import static se.klassrum.roster.demo.DemoIds.TENANT_SOLBACKA;

/** With the demo data off (production), a demo session names nobody and nobody can start one. */
class DemoSessionsTest {

    private final Map<String, Object> attributes = new HashMap<>();
    private final boolean[] sessionCreated = {false};

    @Test
    void aDemoSessionIsIgnoredWhenTheDemoIsOff() {
        attributes.put(DemoSessions.ATTRIBUTE, new DemoSessions.DemoCaller(PERSON_ANNA, TENANT_SOLBACKA, "Anna Andersson"));
        DemoSessions demo = new DemoSessions();
        demo.enabled = false;

        assertThat(demo.caller(request())).isEmpty();
        assertThat(demo.actor(request())).isEmpty();
    }

    @Test
    void nobodySignsInWhenTheDemoIsOff() {
        DemoSessions demo = new DemoSessions();
        demo.enabled = false;

        assertThat(demo.signIn(request(), PERSON_ANNA, TENANT_SOLBACKA, "Anna Andersson")).isFalse();
        assertThat(sessionCreated[0]).isFalse();
        assertThat(attributes).isEmpty();
    }

    @Test
    void theDemoSessionNamesItsPersonWhenTheDemoIsOn() {
        attributes.put(DemoSessions.ATTRIBUTE, new DemoSessions.DemoCaller(PERSON_ANNA, TENANT_SOLBACKA, "Anna Andersson"));
        DemoSessions demo = new DemoSessions();
        demo.enabled = true;

        assertThat(demo.caller(request())).hasValueSatisfying(caller -> assertThat(caller.personId()).isEqualTo(PERSON_ANNA));
    }

    private HttpServletRequest request() {
        HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSession" -> {
                        boolean create = args != null && args.length == 1 && (Boolean) args[0];
                        sessionCreated[0] |= create;
                        yield attributes.isEmpty() && !create ? null : session;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
