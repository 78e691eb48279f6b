package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.klassrum.web.security.DemoSessions;

/** The page frame's header: the demo marker, who is signed in, sign-out. */
@Named
@RequestScoped
public class SignedIn {

    @Inject
    DemoSessions demo;

    @Inject
    HttpServletRequest request;

    /** Demo mode is on: every page says so. */
    public boolean isDemo() {
        return demo.enabled();
    }

    /** The demo persona signed in on this session, or null. */
    public String getName() {
        return demo.caller(request).map(DemoSessions.DemoCaller::name).orElse(null);
    }

    public String signOut() {
        demo.signOut(request);
        return "/demo.xhtml?faces-redirect=true";
    }
}
