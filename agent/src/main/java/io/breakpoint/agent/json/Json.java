package io.breakpoint.agent.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON for the protocol records, by reflection over record components. Hand-written rather than Jackson
 * because the agent must stay under 64 MB resident: this class and its reflection cost a few hundred KB of
 * metaspace, a full data-binding library several MB. Reading is tolerant like the protocol asks: unknown
 * fields are ignored, missing ones become null (0 or false for primitives). Instants are ISO-8601 strings.
 */
public final class Json {

    private Json() {}

    /** Thrown for text that is not JSON or does not fit the expected type. */
    public static final class MalformedJson extends RuntimeException {
        MalformedJson(String message) {
            super(message);
        }
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    public static <T> T read(String json, Class<T> type) {
        return type.cast(bind(parse(json), type));
    }

    /** A list of {@code element}s, e.g. a queue segment read back. */
    public static <T> List<T> readList(String json, Class<T> element) {
        Object tree = parse(json);
        if (!(tree instanceof List)) throw new MalformedJson("expected an array");
        List<T> out = new ArrayList<>();
        for (Object item : (List<?>) tree) out.add(element.cast(bind(item, element)));
        return out;
    }

    // ---- writing

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            string((String) value, out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) out.append("null");
            else out.append(value);
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof UUID || value instanceof Instant || value instanceof Enum) {
            string(value.toString(), out);
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) out.append(',');
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value.getClass().isRecord()) {
            out.append('{');
            boolean first = true;
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (!first) out.append(',');
                first = false;
                string(c.getName(), out);
                out.append(':');
                try {
                    write(c.getAccessor().invoke(value), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    else out.append(c);
            }
        }
        out.append('"');
    }

    // ---- parsing into a tree of Map, List, String, BigDecimal, Boolean and null

    public static Object parse(String json) {
        if (json == null) throw new MalformedJson("no content");
        Parser p = new Parser(json);
        p.space();
        Object value = p.value(0);
        p.space();
        if (p.pos != json.length()) throw new MalformedJson("unexpected text at " + p.pos);
        return value;
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 64;
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void space() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw new MalformedJson("nested too deeply");
            if (pos >= s.length()) throw new MalformedJson("unexpected end");
            char c = s.charAt(pos);
            switch (c) {
                case '{': return object(depth);
                case '[': return array(depth);
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default: return number();
            }
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) throw new MalformedJson("unexpected text at " + pos);
            pos += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            space();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') throw new MalformedJson("expected a field name at " + pos);
                String key = string();
                space();
                expect(':');
                space();
                map.put(key, value(depth + 1));
                space();
                char c = next();
                if (c == '}') return map;
                if (c != ',') throw new MalformedJson("expected , or } at " + (pos - 1));
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            space();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                space();
                list.add(value(depth + 1));
                space();
                char c = next();
                if (c == ']') return list;
                if (c != ',') throw new MalformedJson("expected , or ] at " + (pos - 1));
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return out.toString();
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"': out.append('"'); break;
                        case '\\': out.append('\\'); break;
                        case '/': out.append('/'); break;
                        case 'b': out.append('\b'); break;
                        case 'f': out.append('\f'); break;
                        case 'n': out.append('\n'); break;
                        case 'r': out.append('\r'); break;
                        case 't': out.append('\t'); break;
                        case 'u':
                            if (pos + 4 > s.length()) throw new MalformedJson("bad escape");
                            try {
                                out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException bad) {
                                throw new MalformedJson("bad escape at " + pos);
                            }
                            pos += 4;
                            break;
                        default: throw new MalformedJson("bad escape at " + pos);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private BigDecimal number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) pos++;
            if (start == pos) throw new MalformedJson("unexpected character at " + pos);
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException bad) {
                throw new MalformedJson("bad number at " + start);
            }
        }

        private char peek() {
            if (pos >= s.length()) throw new MalformedJson("unexpected end");
            return s.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) throw new MalformedJson("expected " + c + " at " + (pos - 1));
        }
    }

    // ---- binding a tree to a type

    private static Object bind(Object tree, Type type) {
        Class<?> raw = raw(type);
        if (tree == null) return defaultOf(raw);
        try {
            if (raw == String.class) return (String) tree;
            if (raw == boolean.class || raw == Boolean.class) return (Boolean) tree;
            if (raw == int.class || raw == Integer.class) return ((BigDecimal) tree).intValueExact();
            if (raw == long.class || raw == Long.class) return ((BigDecimal) tree).longValueExact();
            if (raw == double.class || raw == Double.class) return ((BigDecimal) tree).doubleValue();
            if (raw == UUID.class) return UUID.fromString((String) tree);
            if (raw == Instant.class) return Instant.parse((String) tree);
            if (raw == List.class || raw == Collection.class) {
                Type element = type instanceof ParameterizedType
                        ? ((ParameterizedType) type).getActualTypeArguments()[0] : Object.class;
                List<Object> out = new ArrayList<>();
                for (Object item : (List<?>) tree) out.add(bind(item, element));
                return out;
            }
            if (raw == Object.class) return tree;
            if (raw.isRecord()) return record((Map<?, ?>) tree, raw);
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException
                 | java.time.format.DateTimeParseException wrongShape) {
            if (wrongShape instanceof MalformedJson) throw (MalformedJson) wrongShape;
            throw new MalformedJson("a value does not fit " + raw.getSimpleName() + ": " + wrongShape.getMessage());
        }
        throw new IllegalArgumentException("cannot read " + type);
    }

    private static Object record(Map<?, ?> fields, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = bind(fields.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException invalid) {
            throw new MalformedJson(type.getSimpleName() + ": " + invalid.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type, e);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class) return (Class<?>) type;
        if (type instanceof ParameterizedType) return (Class<?>) ((ParameterizedType) type).getRawType();
        return Object.class;
    }

    private static Object defaultOf(Class<?> type) {
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == double.class) return 0.0;
        if (type == boolean.class) return false;
        return null;
    }
}
