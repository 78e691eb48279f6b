package se.klassrum.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells {@link StartupProgress} when the web application has initialised: a servlet without a mapping that
 * is loaded on start-up after every other (Jakarta Faces and the REST API load first), so that its
 * {@code init} runs when they are ready to answer.
 */
@WebListener
public class WebStartup implements ServletContextListener {

    @Inject
    StartupProgress progress;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletRegistration.Dynamic last = event.getServletContext().addServlet("klassrum-started", new Started(progress));
        last.setLoadOnStartup(Integer.MAX_VALUE);
    }

    private static final class Started extends GenericServlet {
        private static final long serialVersionUID = 1L;

        private final transient StartupProgress progress;

        Started(StartupProgress progress) {
            this.progress = progress;
        }

        @Override
        public void init() {
            progress.webStarted();
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) {
            // never mapped: it answers no request
        }
    }
}
