package se.klassrum.web.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The page a sign-in returns to is a path of this site, or none: never an address a browser reads as another site. */
class ReturnPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/guardian/child.xhtml?id=6f1e2a3b-0000-4000-8000-000000000001",
            "/assignment.xhtml?group=6f1e2a3b-0000-4000-8000-000000000002&id=6f1e2a3b-0000-4000-8000-000000000003",
            "/groups.xhtml",
            "/my-talks.xhtml#talks",
            "/student.xhtml?id=6f1e2a3b-0000-4000-8000-000000000004&group=6f1e2a3b-0000-4000-8000-000000000005"})
    void aPathOfThisSiteIsKept(String path) {
        assertThat(ReturnPaths.checked(path)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example",
            "//evil.example/guardian/child.xhtml",
            "https://evil.example",
            "https://evil.example/groups.xhtml",
            "http:evil.example",
            "javascript:alert(1)",
            "/\\evil.example",
            "\\\\evil.example",
            "/\\/evil.example",
            "/%2F%2Fevil.example",
            "%2F%2Fevil.example",
            "/%2Fevil.example",
            "/%5Cevil.example",
            "/%5cevil.example",
            "%2f%2fevil.example",
            "/%252F%252Fevil.example",
            "/%25252F%25252Fevil.example",
            "https%3A%2F%2Fevil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/\n/evil.example",
            "/%0d%0a/evil.example",
            " /groups.xhtml",
            "/ /evil.example",
            "/student.xhtml?id=a%20b",
            "evil.example",
            "groups.xhtml",
            "",
            "/sign-in.xhtml",
            "/sign-in/oidc",
            "/guardian/sign-in.xhtml?next=/groups.xhtml",
            "/api/v1/students",
            "/%zz"})
    void anythingElseIsRefused(String candidate) {
        assertThat(ReturnPaths.checked(candidate)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void noneIsRefusedAndSoIsTooLongAPath() {
        assertThat(ReturnPaths.checked(null)).isEmpty();
        assertThat(ReturnPaths.checked("/groups.xhtml?x=" + "a".repeat(2000))).isEmpty();
    }
}
