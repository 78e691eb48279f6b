package se.klassrum.web.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import se.klassrum.web.api.Problem.Text;
import se.klassrum.web.platform.RequestIds;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error pages of the whole application (web.xml's {@code error-page}s point here): what the runtime would otherwise
 * answer with its own page, naming itself, its version and a stack trace. Below {@code /api} a problem
 * (application/problem+json); elsewhere a short page in Swedish and English with a way back. A failure is logged here,
 * never shown.
 */
@WebServlet(urlPatterns = ErrorAnswers.PATH)
public class ErrorAnswers extends HttpServlet {

    static final String PATH = "/error-answer";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable thrown) {
            LOG.log(Level.SEVERE, "Unexpected failure on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String given ? given : request.getRequestURI();
        boolean english = english(request);
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(RequestIds.HEADER, RequestIds.of(request));
        if (path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/api")) {
            response.setContentType(Problem.MEDIA_TYPE);
            Text title = title(status);
            Text detail = status == 401
                    ? new Text("Skicka en giltig token för en person eller applikation som Klassrum känner till.",
                    "Send a valid token of a person or application that Klassrum knows.")
                    : title;
            Response.Status known = Response.Status.fromStatusCode(status);
            String type = status == 401 ? "not-signed-in" : status == 404 ? "not-found" : "http-" + status;
            response.getWriter().write(Problem.of(type, title.in(english),
                    known == null ? Response.Status.INTERNAL_SERVER_ERROR : known, detail.in(english))
                    .with("requestId", RequestIds.of(request)).json().toString());
        } else {
            response.setContentType("text/html");
            response.getWriter().write(page(request.getContextPath(), status, title(status)));
        }
    }

    private static boolean english(HttpServletRequest request) {
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            String language = locales.nextElement().getLanguage();
            if ("sv".equals(language)) {
                return false;
            }
            if ("en".equals(language)) {
                return true;
            }
        }
        return false;
    }

    private static Text title(int status) {
        return switch (status) {
            case 400 -> new Text("Felaktig begäran", "Bad request");
            case 401 -> new Text("Inte inloggad", "Not signed in");
            case 403 -> new Text("Inte tillåtet", "Not permitted");
            case 404 -> new Text("Sidan finns inte", "Not found");
            case 405 -> new Text("Metoden stöds inte", "Method not allowed");
            case 413 -> new Text("För stort innehåll", "Content too large");
            case 415 -> new Text("Innehållstypen stöds inte", "Unsupported media type");
            default -> status >= 500 ? new Text("Något gick fel", "Something went wrong") : new Text("Felaktig begäran", "Bad request");
        };
    }

    private static String page(String context, int status, Text title) {
        return "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Klassrum – " + title.swedish()
                + "</title></head>\n<body><main>\n<h1>" + title.swedish() + " (" + status + ")</h1>\n"
                + "<p><a href=\"" + context + "/groups.xhtml\">Till Mina grupper</a></p>\n"
                + "<p lang=\"en\">" + title.english() + ". <a href=\"" + context + "/groups.xhtml\">Back to My groups</a></p>\n"
                + "</main></body></html>\n";
    }
}
