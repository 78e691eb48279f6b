package se.klassrum.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import se.klassrum.web.security.DemoSessions;

import java.util.List;

/** {@code /demo.xhtml}: sign in as a demo persona, in demo mode only. */
@Named
@RequestScoped
public class DemoPage {

    @Inject
    DemoSessions demo;

    @Inject
    HttpServletRequest request;

    public boolean isEnabled() {
        return demo.enabled();
    }

    public List<DemoPersona> getStaff() {
        return DemoPersona.ALL.stream().filter(DemoPersona::staff).toList();
    }

    public List<DemoPersona> getStudents() {
        return DemoPersona.ALL.stream().filter(persona -> !persona.staff()).toList();
    }

    public String signIn(String key) {
        if (!demo.enabled()) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "demo.off");
            return null;
        }
        DemoPersona persona = DemoPersona.byKey(key).orElse(null);
        if (persona == null || !demo.signIn(request, persona.personId(), persona.tenantId(), persona.name())) {
            Texts.message(FacesMessage.SEVERITY_ERROR, "demo.unknown");
            return null;
        }
        return "/groups.xhtml?faces-redirect=true";
    }
}
