package se.klassrum.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.web.audit.DataSubjectFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /admin/extract.json?student=…&lang=en}: the audit page's download of everything Klassrum holds about the
 * student ({@link DataSubjectFile}), for the person signed in on the pages. Anyone who may not have it gets 404, as
 * for a student that does not exist.
 */
@WebServlet("/admin/extract.json")
public class DataSubjectFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DataSubjectFile files;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("sv");
        UUID student;
        try {
            student = UUID.fromString(String.valueOf(request.getParameter("student")).strip());
        } catch (IllegalArgumentException notAnId) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String file;
        try {
            file = files.of(student, locale).toString();
        } catch (NotSignedInException notSignedIn) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        } catch (StudentDataNotFoundException notFound) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + DataSubjectFile.fileName(student) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(file.getBytes(StandardCharsets.UTF_8));
    }
}
