package se.klassrum.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.web.audit.AuditCsv;
import se.klassrum.web.audit.AuditExtract;
import se.klassrum.web.audit.AuditQuery;
import se.klassrum.web.audit.AuditSentences;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /admin/audit.csv?student=…&actor=…&kind=…&from=…&to=…&outcome=…&lang=en}: the audit log page's export, for
 * the person signed in on the pages, filtered as the page shows it ({@link AuditExtract#all}, {@link AuditCsv}).
 * Anyone who may not read the student's log gets 404, as for a student that does not exist.
 */
@WebServlet("/admin/audit.csv")
public class AuditCsvServlet extends StudentFileServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditExtract extract;

    @Override
    void write(UUID student, Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditExtract.Result log;
        try {
            log = extract.all(student, new AuditQuery(request.getParameter("actor"), request.getParameter("kind"),
                    request.getParameter("from"), request.getParameter("to"), request.getParameter("outcome")).filter(), locale);
        } catch (AuditQuery.InvalidFilter invalid) {
            throw new BadRequest();
        }
        attachment(response, AuditCsv.MEDIA_TYPE, AuditCsv.fileName(student));
        AuditCsv.write(log.rows(), new AuditSentences(locale), response.getOutputStream());
    }
}
