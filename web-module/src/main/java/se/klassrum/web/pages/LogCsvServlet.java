package se.klassrum.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.access.api.NotPermittedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.web.audit.AuditCsv;
import se.klassrum.web.audit.AuditQuery;
import se.klassrum.web.audit.AuditSentences;
import se.klassrum.web.audit.OrganisationLog;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/log.csv?actor=…&kind=…&from=…&to=…&outcome=…&lang=en}: the export of the log of the administrator's
 * schools as {@code /admin/log.xhtml} shows it filtered ({@link OrganisationLog#all}, {@link AuditCsv}), for the
 * person signed in on the pages: 400 for a filter that cannot be read, 401 for nobody signed in, 403 for someone who
 * administers no school.
 */
@WebServlet("/admin/log.csv")
public class LogCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrganisationLog log;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("sv");
        List<OrganisationLog.Line> lines;
        try {
            lines = log.all(new AuditQuery(request.getParameter("actor"), request.getParameter("kind"),
                    request.getParameter("from"), request.getParameter("to"), request.getParameter("outcome")).filter(), locale);
        } catch (AuditQuery.InvalidFilter invalid) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (NotSignedInException notSignedIn) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        } catch (NotPermittedException notAdministrator) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        StudentFileServlet.attachment(response, AuditCsv.MEDIA_TYPE, AuditCsv.SCHOOLS_FILE_NAME);
        AuditCsv.writeLines(lines, new AuditSentences(locale), response.getOutputStream());
    }
}
