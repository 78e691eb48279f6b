package se.klassrum.web.pages;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

/**
 * A file about one student that the administration pages download ({@code ?student=…&lang=en}) for the person signed
 * in on the pages: a student id that is none is 400, nobody signed in 401, and anyone who may not have the file 404,
 * as for a student that does not exist. The file is an attachment that no cache keeps.
 */
abstract class StudentFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A request whose parameters cannot be read: 400. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("sv");
        UUID student;
        try {
            student = UUID.fromString(String.valueOf(request.getParameter("student")).strip());
        } catch (IllegalArgumentException notAnId) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            write(student, locale, request, response);
        } catch (BadRequest unreadable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        } catch (NotSignedInException notSignedIn) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (StudentDataNotFoundException notFound) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Sets the attachment's headers; call before writing the body. */
    static void attachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    /**
     * Writes the file, having decided who may have it before anything is written.
     *
     * @throws BadRequest                   for parameters that cannot be read
     * @throws NotSignedInException         when nobody is signed in
     * @throws StudentDataNotFoundException when the caller may not have the file
     */
    abstract void write(UUID student, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
