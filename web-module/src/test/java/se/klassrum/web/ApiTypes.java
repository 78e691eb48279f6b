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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
 * The API's request types, read from the resources themselves: the bodies their methods take, and every
 * Klassrum type these hold.
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
