package se.klassrum.web.api;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import se.klassrum.web.platform.RequestIds;
import se.klassrum.web.platform.RequestLog;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the request log and the metrics learn from the API (README.md, "Operations"): which resource method answers a
 * request, named by its path template ({@code /api/v1/students/{id}}, never the path with its ids), and the request's id
 * in every problem it is answered with ({@code requestId}, the same as its {@code X-Request-Id} header and its audit
 * entries). It names the endpoint before {@link CallerRequired} may refuse the request, so that a 401 is counted
 * under its endpoint too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class RequestObservation implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            RequestLog.endpoint(servletRequest, TEMPLATES.computeIfAbsent(method,
                    found -> template(resource.getResourceClass(), found)));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())
                || !(response.getEntity() instanceof String body)) {
            return;
        }
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            problem = reader.readObject();
        } catch (JsonParsingException notAnObject) {
            return;
        }
        if (!problem.containsKey("requestId")) {
            response.setEntity(Json.createObjectBuilder(problem).add("requestId", RequestIds.of(servletRequest)).build()
                    .toString());
        }
    }

    /** The method's path below the application's, e.g. {@code /api/v1/students/{id}}. */
    static String template(Class<?> resourceClass, Method method) {
        StringBuilder template = new StringBuilder("/api");
        Class<?> annotated = resourceClass;
        while (annotated != null && annotated.getAnnotation(Path.class) == null) {
            annotated = annotated.getSuperclass();
        }
        append(template, annotated == null ? null : annotated.getAnnotation(Path.class));
        append(template, method.getAnnotation(Path.class));
        return withoutExpressions(template);
    }

    /** A template's parameters by their names only: {@code {id: [0-9a-f-]{36}}} becomes {@code {id}}. */
    static String withoutExpressions(CharSequence template) {
        StringBuilder plain = new StringBuilder(template.length());
        int depth = 0;
        boolean inName = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (depth == 0) {
                plain.append(c);
                if (c == '{') {
                    depth = 1;
                    inName = true;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                plain.append('}');
            } else if (inName && c == ':') {
                inName = false;
            } else if (inName && !Character.isWhitespace(c)) {
                plain.append(c);
            }
        }
        return plain.toString();
    }

    private static void append(StringBuilder template, Path path) {
        if (path == null) {
            return;
        }
        String value = path.value().replaceAll("^/+|/+$", "");
        if (!value.isEmpty()) {
            template.append('/').append(value);
        }
    }
}
