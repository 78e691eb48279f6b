package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.boundary.Administrators;
import se.klassrum.web.security.DemoSessions;
import se.klassrum.web.security.StaffSessions;

/**
 * The page frame's header: the demo marker, who is signed in (through the identity provider or as a demo persona),
 * the school administrator's links, sign-out.
 */
@Named
@RequestScoped
public class SignedIn {

    @Inject
    DemoSessions demo;

    @Inject
    StaffSessions staff;

    @Inject
    Administrators administrators;

    @Inject
    HttpServletRequest request;

    private Boolean administrator;

    /** Demo mode is on: every page says so. */
    public boolean isDemo() {
        return demo.enabled();
    }

    /** The person signed in on this session, through the identity provider or as a demo persona; or null. */
    public String getName() {
        return staff.caller(request).map(StaffSessions.StaffCaller::name)
                .or(() -> demo.caller(request).map(DemoSessions.DemoCaller::name))
                .orElse(null);
    }

    /** Whether the caller is a school administrator today: the administration pages are offered then. */
    public boolean isAdministrator() {
        if (administrator == null) {
            try {
                administrators.requireAdministrator(Administrators.IMPORT_PERMISSION);
                administrator = true;
            } catch (NotPermittedException | NotSignedInException notAnAdministrator) {
                administrator = false;
            }
        }
        return administrator;
    }

    public String signOut() {
        demo.signOut(request);
        return demo.enabled() ? "/demo.xhtml?faces-redirect=true" : "/sign-in.xhtml?faces-redirect=true";
    }
}
