package io.payrail.web.api.json;

import io.payrail.web.api.problem.Problem.FieldError;
import io.payrail.web.api.security.RequestBodies;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON object into one of the API's request records, with no coercion:
 * <ul>
 * <li>a String field takes a JSON string only; a Long or Integer field a JSON number with no
 *     fraction that fits the type; a Boolean field true or false; an enum field one of its
 *     constants' names, as a string; a record field a nested object; a List field an array
 *     (at most {@value #MAX_ITEMS} items) of any of these;</li>
 * <li>a field the record does not declare is an error, and so is a key given twice;</li>
 * <li>null and absent fields become null (Bean Validation then says which are required);</li>
 * <li>bodies over {@value #MAX_BYTES} bytes, and bodies that are not UTF-8, are refused before parsing.</li>
 * </ul>
 * Every problem found is reported at once, as {@link InvalidBodyException}.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_ITEMS = 100;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().startsWith("io.payrail.web.");
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] body = entity.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new InvalidBodyException("the body is larger than " + MAX_BYTES + " bytes", List.of());
        }
        if (body.length == 0) {
            throw new InvalidBodyException("the body is empty; send a JSON object", List.of());
        }
        // the operator API and others not signed by merchants read their bodies only here
        RequestBodies.requireUtf8(body);
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                throw new InvalidBodyException("the body must be a JSON object", List.of());
            }
            List<FieldError> errors = new ArrayList<>();
            Record result = readRecord(parser, type, "", errors);
            if (parser.hasNext()) {
                throw new InvalidBodyException("unexpected content after the JSON object", List.of());
            }
            if (!errors.isEmpty()) {
                throw new InvalidBodyException(errors.size() + " field(s) have the wrong type or are not allowed", errors);
            }
            return result;
        } catch (JsonParsingException e) {
            throw new InvalidBodyException("the body is not valid JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ")", List.of());
        } catch (jakarta.json.JsonException e) {
            throw new InvalidBodyException("the body is not valid JSON", List.of());
        }
    }

    /** Reads the members of an object whose START_OBJECT was just consumed. */
    private static <R extends Record> R readRecord(JsonParser parser, Class<R> type, String prefix,
                                                   List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            index.put(components[i].getName(), i);
        }
        Object[] values = new Object[components.length];
        Set<String> seen = new HashSet<>();
        while (true) {
            Event event = parser.next();
            if (event == Event.END_OBJECT) {
                break;
            }
            String key = parser.getString();
            String field = prefix + key;
            Event valueEvent = parser.next();
            if (!seen.add(key)) {
                errors.add(new FieldError(field, "is given more than once"));
                skip(parser, valueEvent);
                continue;
            }
            Integer i = index.get(key);
            if (i == null) {
                errors.add(new FieldError(field, "is not a field of this request"));
                skip(parser, valueEvent);
                continue;
            }
            values[i] = readValue(parser, valueEvent, components[i].getType(), components[i].getGenericType(), field,
                    errors);
        }
        return construct(type, components, values, errors);
    }

    private static Object readValue(JsonParser parser, Event event, Class<?> target, Type genericType, String field,
                                    List<FieldError> errors) {
        if (event == Event.VALUE_NULL) {
            return null;
        }
        if (target == List.class) {
            if (event == Event.START_ARRAY) {
                return readList(parser, elementType(genericType, field), field, errors);
            }
            errors.add(new FieldError(field, "must be an array, not " + describe(event)));
            skip(parser, event);
            return null;
        }
        if (target == String.class) {
            if (event == Event.VALUE_STRING) {
                return parser.getString();
            }
        } else if (target == Long.class || target == Integer.class) {
            if (event == Event.VALUE_NUMBER) {
                return integer(parser.getBigDecimal(), target, field, errors);
            }
        } else if (target == Boolean.class) {
            if (event == Event.VALUE_TRUE || event == Event.VALUE_FALSE) {
                return event == Event.VALUE_TRUE;
            }
        } else if (target.isEnum()) {
            if (event == Event.VALUE_STRING) {
                return constant(target, parser.getString(), field, errors);
            }
        } else if (target.isRecord()) {
            if (event == Event.START_OBJECT) {
                return readRecord(parser, target.asSubclass(Record.class), field + ".", errors);
            }
        } else {
            throw new IllegalStateException("request records may only hold String, Long, Integer, Boolean, enums"
                    + " and records; " + field + " is " + target.getName());
        }
        errors.add(new FieldError(field, "must be " + describe(target) + ", not " + describe(event)));
        skip(parser, event);
        return null;
    }

    /** Reads the elements of an array whose START_ARRAY was just consumed. */
    private static List<Object> readList(JsonParser parser, Class<?> element, String field, List<FieldError> errors) {
        List<Object> items = new ArrayList<>();
        for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            String itemField = field + "[" + items.size() + "]";
            if (items.size() == MAX_ITEMS) {
                errors.add(new FieldError(field, "has more than " + MAX_ITEMS + " items"));
                skip(parser, event);
                continue;
            }
            items.add(readValue(parser, event, element, element, itemField, errors));
        }
        return items;
    }

    private static Class<?> elementType(Type genericType, String field) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException(field + " must be declared as List<SomeType>");
    }

    private static Object integer(BigDecimal number, Class<?> target, String field, List<FieldError> errors) {
        try {
            BigDecimal exact = number.stripTrailingZeros();
            if (exact.scale() > 0) {
                errors.add(new FieldError(field, "must be a whole number (amounts are in minor units: 1050, not 10.50)"));
                return null;
            }
            return target == Long.class ? (Object) exact.longValueExact() : (Object) exact.intValueExact();
        } catch (ArithmeticException tooLarge) {
            errors.add(new FieldError(field, "is too large"));
            return null;
        }
    }

    private static Object constant(Class<?> enumType, String name, String field, List<FieldError> errors) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return constant;
            }
        }
        errors.add(new FieldError(field, "must be one of " + Arrays.toString(enumType.getEnumConstants())));
        return null;
    }

    private static void skip(JsonParser parser, Event event) {
        if (event == Event.START_OBJECT) {
            parser.skipObject();
        } else if (event == Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    private static <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] values,
                                                  List<FieldError> errors) {
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new WebApplicationException(e.getCause());
        }
    }

    private static String describe(Class<?> target) {
        if (target == String.class) {
            return "a string";
        }
        if (target == Long.class || target == Integer.class) {
            return "a whole number";
        }
        if (target == Boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants()) + " as a string";
        }
        return "an object";
    }

    private static String describe(Event event) {
        return switch (event) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> event.name().toLowerCase();
        };
    }
}
