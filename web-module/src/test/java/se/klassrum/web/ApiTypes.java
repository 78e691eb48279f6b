package se.klassrum.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import se.klassrum.access.api.Slice;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API's request and answer types, read from the resources themselves: the bodies their methods take and
 * answer with, and every Klassrum type these hold.
 */
final class ApiTypes {

    private static final List<Class<? extends Annotation>> HTTP_METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class);
    private static final List<Class<? extends Annotation>> NOT_A_BODY = List.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    private ApiTypes() {
    }

    /** The bodies the resources' methods take, and the Klassrum types they hold. */
    static Set<Class<?>> requestTypes() {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Method method : resourceMethods()) {
            for (Parameter parameter : method.getParameters()) {
                if (NOT_A_BODY.stream().noneMatch(parameter::isAnnotationPresent)) {
                    collect(parameter.getParameterizedType(), found);
                }
            }
        }
        return found;
    }

    /**
     * What one resource method answers on success.
     *
     * @param method   the resource method
     * @param status   the success status it answers with ("200" unless its {@code @APIResponse} says otherwise)
     * @param type     the class of its body, unwrapped from {@code Slice}, {@code List} and {@code Response}; null
     *                 when it answers without a body (204, a redirect)
     * @param wrapping how the body holds {@code type}
     * @param problem  why the answer cannot be read from the method, if it cannot: e.g. a {@code Response} or JSON
     *                 {@code String} without a 2xx {@code @APIResponse} naming its schema; none for a file, whose
     *                 2xx {@code @APIResponse} names a media type other than JSON (the type is then null)
     */
    record Answer(Method method, String status, Class<?> type, Wrapping wrapping, String problem) {

        String name() {
            return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        }
    }

    /** How an answer's body holds its type: as itself, as a page ({@code Slice}) of them, or as a JSON array. */
    enum Wrapping { PLAIN, PAGE, LIST }

    /**
     * The success answer of every resource method: its return type where that says it, otherwise the class
     * its 2xx {@code @APIResponse} names as the schema of its content.
     */
    static List<Answer> answers() {
        List<Answer> answers = new ArrayList<>();
        for (Method method : resourceMethods()) {
            List<APIResponse> responses = List.of(method.getAnnotationsByType(APIResponse.class));
            APIResponse success = responses.stream().filter(response -> response.responseCode().startsWith("2"))
                    .findFirst().orElse(null);
            APIResponse redirect = responses.stream().filter(response -> response.responseCode().startsWith("3"))
                    .findFirst().orElse(null);
            String status = success != null ? success.responseCode() : redirect != null ? redirect.responseCode() : "200";
            Type returned = method.getGenericReturnType();
            if (returned instanceof ParameterizedType parameterized && parameterized.getRawType() == Slice.class) {
                answers.add(new Answer(method, status, argument(parameterized), Wrapping.PAGE, null));
            } else if (returned instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
                answers.add(new Answer(method, status, argument(parameterized), Wrapping.LIST, null));
            } else if (returned instanceof Class<?> plain && plain.getName().startsWith("se.klassrum.")) {
                answers.add(new Answer(method, status, plain, Wrapping.PLAIN, null));
            } else {
                Class<?> documented = success == null ? null : Arrays.stream(success.content())
                        .map(Content::schema).map(Schema::implementation)
                        .filter(implementation -> implementation != Void.class).findFirst().orElse(null);
                boolean bodiless = status.equals("204") || status.startsWith("3");
                // A file (the audit log as CSV) is documented by its media type; it has no JSON fields to compare.
                boolean file = success != null && success.content().length > 0 && Arrays.stream(success.content())
                        .map(Content::mediaType).noneMatch(type -> type.isEmpty() || type.contains("json"));
                String problem = documented == null && !bodiless && !file
                        ? "answers " + returned.getTypeName() + " without a 2xx @APIResponse naming its schema" : null;
                answers.add(new Answer(method, status, documented, Wrapping.PLAIN, problem));
            }
        }
        return answers;
    }

    private static Class<?> argument(ParameterizedType type) {
        return (Class<?>) type.getActualTypeArguments()[0];
    }

    /** The Klassrum types an answer's type holds, itself included. */
    static Set<Class<?>> typesIn(Class<?> type) {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(type, found);
        return found;
    }

    /** The HTTP method of a resource method, as the OpenAPI document names it ("get", "post", ...). */
    static String httpMethod(Method method) {
        return HTTP_METHODS.stream().filter(method::isAnnotationPresent).findFirst().orElseThrow().getSimpleName()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The path of a resource method below the application's path, as the OpenAPI document writes it: its class's
     * and its own {@code @Path}, each template without its regular expression.
     */
    static String path(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String joined = withoutRegularExpressions("/" + type.value() + (own == null ? "" : "/" + own.value()))
                .replaceAll("/+", "/");
        return joined.endsWith("/") && joined.length() > 1 ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** A JAX-RS path with each template's regular expression left out: {@code {switch: a|b}} becomes {@code {switch}}. */
    static String withoutRegularExpressions(String path) {
        return path.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}");
    }

    private static List<Method> resourceMethods() {
        List<Method> methods = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().importPackages("se.klassrum.web.api")) {
            if (resource.isAnnotatedWith(Path.class)) {
                for (Method method : resource.reflect().getDeclaredMethods()) {
                    if (HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent)) {
                        methods.add(method);
                    }
                }
            }
        }
        return methods;
    }

    /** The JSON properties of a type: its record components or public fields that JSON-B writes. */
    static List<String> jsonProperties(Class<?> type) {
        List<String> properties = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!hidden(component.getAccessor())) {
                    properties.add(component.getName());
                }
            }
        } else {
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !hidden(field)) {
                    properties.add(field.getName());
                }
            }
        }
        return properties;
    }

    /** The JSON properties of a type with their Java types. */
    static java.util.Map<String, Type> jsonPropertyTypes(Class<?> type) {
        java.util.Map<String, Type> properties = new java.util.LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!hidden(component.getAccessor())) {
                    properties.put(component.getName(), component.getGenericType());
                }
            }
        } else {
            for (Field field : type.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !hidden(field)) {
                    properties.put(field.getName(), field.getGenericType());
                }
            }
        }
        return properties;
    }

    /** A Klassrum class that JSON-B writes as an object: not an enum nor an interface. */
    static boolean isKlassrumClass(Class<?> type) {
        return type.getName().startsWith("se.klassrum.") && !type.isEnum() && !type.isInterface();
    }

    private static boolean hidden(java.lang.reflect.AnnotatedElement element) {
        Schema schema = element.getAnnotation(Schema.class);
        return element.isAnnotationPresent(JsonbTransient.class) || (schema != null && schema.hidden());
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), found);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collect(argument, found));
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(bound -> collect(bound, found));
        } else if (type instanceof Class<?> plain && plain.getName().startsWith("se.klassrum.") && !plain.isEnum()
                && !plain.isInterface() && found.add(plain)) {
            if (plain.isRecord()) {
                for (RecordComponent component : plain.getRecordComponents()) {
                    if (!hidden(component.getAccessor())) {
                        collect(component.getGenericType(), found);
                    }
                }
            } else {
                for (Field field : plain.getFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !hidden(field)) {
                        collect(field.getGenericType(), found);
                    }
                }
            }
        }
    }
}
