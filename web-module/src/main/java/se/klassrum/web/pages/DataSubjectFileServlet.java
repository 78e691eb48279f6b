package se.klassrum.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import se.klassrum.web.audit.DataSubjectFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /admin/extract.json?student=…&lang=en}: the audit page's download of everything Klassrum holds about the
 * student ({@link DataSubjectFile}), the same file as {@code GET /api/v1/students/{id}/extract}.
 */
@WebServlet("/admin/extract.json")
public class DataSubjectFileServlet extends StudentFileServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DataSubjectFile files;

    @Override
    void write(UUID student, Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] file = files.of(student, locale).toString().getBytes(StandardCharsets.UTF_8);
        attachment(response, "application/json;charset=UTF-8", DataSubjectFile.fileName(student));
        response.getOutputStream().write(file);
    }
}
