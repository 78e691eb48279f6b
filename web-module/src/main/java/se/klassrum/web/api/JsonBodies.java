package se.klassrum.web.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads the API's JSON request bodies (the records and public-field classes of this package, e.g. {@link Requests}) in place of the
 * runtime's JSON-B reader, so that a body that is not what it should be is a 400 naming the field, never a parser's
 * error page: JSON-P parses the body (broken JSON, nesting deeper than {@value #MAX_DEPTH} levels, more than
 * {@value #MAX_BYTES} bytes, or not an object: field {@code body}); then each field's value is checked for its JSON
 * type and bound by JSON-B on its own, so a wrong type, an unknown enum constant or an impossible date names its field.
 * Missing values stay unset for Bean Validation ({@code @NotNull}); unknown properties are ignored, as JSON-B does.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    static final int MAX_DEPTH = 32;
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final String BODY = "body";
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Ours to read: a JSON body for one of this package's request classes; anything else goes on as before. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Class<?> type = context.getType();
        MediaType mediaType = context.getMediaType();
        boolean ours = type.getPackageName().equals(JsonBodies.class.getPackageName()) && !type.isEnum() && !type.isInterface()
                && mediaType != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
        return ours ? read(type, context.getInputStream()) : context.proceed();
    }

    static Object read(Class<?> type, InputStream entityStream) throws IOException {
        byte[] bytes = entityStream.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(BODY, "Innehållet är större än " + MAX_BYTES + " byte.",
                    "The body is larger than " + MAX_BYTES + " bytes.");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        checkDepth(bytes);
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            value = reader.readValue();
        } catch (JsonParsingException broken) {
            throw notJson(broken.getLocation());
        } catch (JsonException broken) {
            throw notJson(null);
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidInputException(BODY, "Innehållet ska vara ett JSON-objekt.", "The body must be a JSON object.");
        }
        return bind(type, object);
    }

    /** Counts the nesting while streaming, so that a deeply nested body is refused before anything recurses on it. */
    private static void checkDepth(byte[] bytes) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > MAX_DEPTH) {
                            throw new InvalidInputException(BODY, "Innehållet är nästlat djupare än " + MAX_DEPTH + " nivåer.",
                                    "The body is nested deeper than " + MAX_DEPTH + " levels.");
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            }
        } catch (JsonParsingException broken) {
            throw notJson(broken.getLocation());
        } catch (JsonException broken) {
            throw notJson(null);
        }
    }

    private static InvalidInputException notJson(JsonLocation where) {
        if (where == null || where.getLineNumber() < 0) {
            return new InvalidInputException(BODY, "Innehållet är inte giltig JSON.", "The body is not valid JSON.");
        }
        return new InvalidInputException(BODY,
                "Innehållet är inte giltig JSON (rad " + where.getLineNumber() + ", kolumn " + where.getColumnNumber() + ").",
                "The body is not valid JSON (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ").");
    }

    private static Object bind(Class<?> type, JsonObject object) {
        if (type.isRecord()) {
            return bindRecord(type, object);
        }
        Object bound;
        try {
            bound = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException notABody) {
            throw new IllegalStateException("not a request body: " + type.getName(), notABody);
        }
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())
                    || !object.containsKey(field.getName())) {
                continue;
            }
            try {
                field.set(bound, value(field.getName(), field.getType(), field.getGenericType(), object.get(field.getName())));
            } catch (IllegalAccessException unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
        return bound;
    }

    /** A record through its canonical constructor; a missing component is null (false or 0 when primitive). */
    private static Object bindRecord(Class<?> type, JsonObject object) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            values[i] = object.containsKey(component.getName())
                    ? value(component.getName(), component.getType(), component.getGenericType(), object.get(component.getName()))
                    : absent(component.getType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException notABody) {
            throw new IllegalStateException("not a request body: " + type.getName(), notABody);
        }
    }

    private static Object absent(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        return type == boolean.class ? Boolean.FALSE : Array.get(Array.newInstance(type, 1), 0);
    }

    /** One field's value, checked for its JSON type first; JSON-B converts the rest (UUIDs, dates, lists). */
    private static Object value(String name, Class<?> type, Type genericType, JsonValue json) {
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            if (type.isPrimitive()) {
                throw invalid(name, "true eller false", "true or false");
            }
            return null;
        }
        if (type == boolean.class || type == Boolean.class) {
            if (json.getValueType() != JsonValue.ValueType.TRUE && json.getValueType() != JsonValue.ValueType.FALSE) {
                throw invalid(name, "true eller false", "true or false");
            }
            return json.getValueType() == JsonValue.ValueType.TRUE;
        }
        if (type == String.class) {
            if (json.getValueType() != JsonValue.ValueType.STRING) {
                throw invalid(name, "en text", "a string");
            }
            return ((jakarta.json.JsonString) json).getString();
        }
        if (type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
            if (json.getValueType() == JsonValue.ValueType.STRING) {
                String given = ((jakarta.json.JsonString) json).getString();
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(given)) {
                        return constant;
                    }
                }
            }
            throw invalid(name, "ett av " + allowed, "one of " + allowed);
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive())) {
            if (json.getValueType() != JsonValue.ValueType.NUMBER) {
                throw invalid(name, "ett tal", "a number");
            }
        } else if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            if (json.getValueType() != JsonValue.ValueType.ARRAY) {
                throw invalid(name, "en lista", "a list");
            }
        } else if (json.getValueType() != JsonValue.ValueType.STRING && json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(name, "en text i rätt format", "a string in the right format");
        }
        try {
            return JSONB.fromJson(json.toString(), genericType);
        } catch (RuntimeException unreadable) {
            throw invalid(name, "ett värde i rätt format (" + expected(type) + ")", "a value in the right format (" + expected(type) + ")");
        }
    }

    private static String expected(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "YYYY-MM-DD";
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> "YYYY-MM-DDThh:mm:ss+01:00";
            default -> type.getSimpleName();
        };
    }

    private static InvalidInputException invalid(String field, String swedish, String english) {
        return new InvalidInputException(field, "Fältet " + field + " ska vara " + swedish + ".",
                "The field " + field + " must be " + english + ".");
    }
}
