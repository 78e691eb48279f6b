package se.klassrum.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import se.klassrum.access.api.AccessDeniedException;
import se.klassrum.access.api.NotSignedInException;
import se.klassrum.access.api.StudentDataNotFoundException;
import se.klassrum.teaching.boundary.Attachments;
import se.klassrum.teaching.control.Uploads;
import se.klassrum.teaching.entity.TeachingException;
import se.klassrum.web.platform.FileHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The pages' attachments, for the person signed in on them: {@code GET /files/posts/{group}/{post}/{key}},
 * {@code GET /files/assignments/{group}/{assignment}/{key}} (the instructions' files) and
 * {@code GET /files/submissions/{group}/{assignment}/{student}/{key}} (the hand-ins' and the teacher's answers') download
 * ({@code ?child=} for a guardian, {@code ?inline=true} to show a PDF or picture); {@code POST} to the same addresses
 * without the key uploads the parts named {@code file}. The same business methods as the API decide, so the same rules hold and are audited; an unknown,
 * foreign or refused file is a 404 alike. An upload from the page's script (header {@code X-Klassrum-Upload}) is
 * answered 204, or with the refusal as text in the page's language; a plain form post is sent back to its page.
 * Uploads come only from the site's own pages (the browser's {@code Sec-Fetch-Site} or {@code Origin}).
 */
@WebServlet("/files/*")
@MultipartConfig(fileSizeThreshold = 256 * 1024)
public class FileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Attachments attachments;

    @Inject
    transient Uploads uploads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = path(request);
        Attachments.Download download;
        try {
            UUID child = optionalUuid(request.getParameter("child"));
            if (path.length == 4 && path[0].equals("posts")) {
                download = attachments.postFile(uuid(path[1]), uuid(path[2]), child, path[3]);
            } else if (path.length == 4 && path[0].equals("assignments")) {
                download = attachments.assignmentFile(uuid(path[1]), uuid(path[2]), child, path[3]);
            } else if (path.length == 5 && path[0].equals("submissions")) {
                download = attachments.submissionFile(uuid(path[1]), uuid(path[2]), uuid(path[3]), path[4]);
            } else {
                throw new StudentDataNotFoundException();
            }
        } catch (NotSignedInException notSignedIn) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        } catch (StudentDataNotFoundException | AccessDeniedException | IllegalArgumentException notFound) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(download.file().mediaType());
        response.setContentLengthLong(download.file().size());
        FileHeaders.of(download.file().name(), download.file().mediaType(), "true".equals(request.getParameter("inline")))
                .forEach(response::setHeader);
        try (InputStream in = download.content()) {
            in.transferTo(response.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!fromThisSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        boolean english = "en".equals(request.getParameter("lang"));
        String[] path = path(request);
        List<Uploads.Upload> received = new ArrayList<>();
        try {
            Function<List<Uploads.Upload>, ?> attach;
            if (path.length == 3 && path[0].equals("posts")) {
                UUID group = uuid(path[1]);
                UUID post = uuid(path[2]);
                attach = files -> attachments.attachToPost(group, post, files);
            } else if (path.length == 3 && path[0].equals("assignments")) {
                UUID group = uuid(path[1]);
                UUID assignment = uuid(path[2]);
                attach = files -> attachments.attachToAssignment(group, assignment, files);
            } else if (path.length == 4 && path[0].equals("submissions")) {
                UUID group = uuid(path[1]);
                UUID assignment = uuid(path[2]);
                UUID student = uuid(path[3]);
                attach = files -> attachments.attachToSubmission(group, assignment, student, files);
            } else {
                throw new StudentDataNotFoundException();
            }
            for (Part part : request.getParts()) {
                if ("file".equals(part.getName()) && part.getSubmittedFileName() != null && part.getSize() > 0) {
                    try (InputStream content = part.getInputStream()) {
                        received.add(uploads.receive(FileHeaders.utf8(part.getSubmittedFileName()), content));
                    } finally {
                        part.delete();
                    }
                }
            }
            if (received.isEmpty()) {
                throw new TeachingException("NO_FILE", "Välj minst en fil", "Choose at least one file");
            }
            attach.apply(received);
        } catch (NotSignedInException notSignedIn) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        } catch (StudentDataNotFoundException | IllegalArgumentException notFound) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (AccessDeniedException denied) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, english ? "You may not attach files here."
                    : "Du får inte bifoga filer här.");
            return;
        } catch (TeachingException refused) {
            refuse(response, HttpServletResponse.SC_CONFLICT, english ? refused.english() : refused.swedish());
            return;
        } finally {
            received.forEach(Uploads.Upload::close);
        }
        if (request.getHeader("X-Klassrum-Upload") != null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(request.getContextPath() + back(request.getParameter("back")));
        }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
    }

    /** The page to go back to: a path of this site only. */
    private static String back(String page) {
        return page != null && page.startsWith("/") && !page.startsWith("//") && !page.contains("\\") ? page : "/groups.xhtml";
    }

    /** A request the site's own page sent: the browser says so, or names this site as the origin. */
    private static boolean fromThisSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).equals(request.getServerName().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? new String[0] : info.replaceFirst("^/", "").split("/");
    }

    private static UUID uuid(String text) {
        return UUID.fromString(text.strip());
    }

    private static UUID optionalUuid(String text) {
        return text == null || text.isBlank() ? null : uuid(text);
    }
}
