package io.sitrep.deploy;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes the gaps client-java's {@code Yaml.loadAll} leaves open. It does reject unknown fields and
 * unconvertible values, but it coerces scalars silently: {@code containerPort: "8081"},
 * {@code env: [{value: 8081}]}, {@code automountServiceAccountToken: "yes"} and
 * {@code labels: {a: true}} all load, while the API server (which gets the YAML as JSON from kubectl)
 * rejects them. This walks the raw YAML alongside the client-java model class (field names from gson's
 * {@code @SerializedName}) and requires the JSON type the model declares, every field to be known, and
 * the model's required fields to be present.
 */
final class StrictModelCheck {

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private StrictModelCheck() {
    }

    static List<String> check(Map<String, Object> raw, Class<?> modelClass) {
        List<String> problems = new ArrayList<>();
        String where = raw.get("kind") + "/" + KustomizeRenderer.metadata(raw).get("name");
        walk(raw, modelClass, where, problems);
        return problems;
    }

    /** Checks a raw value nested somewhere else (e.g. inside a custom resource) against a model type. */
    static List<String> checkValue(Object raw, Type type, String path) {
        List<String> problems = new ArrayList<>();
        walk(raw, type, path, problems);
        return problems;
    }

    private static void walk(Object raw, Type type, String path, List<String> problems) {
        if (raw == null) {
            problems.add(path + ": null value (leave the field out instead)");
            return;
        }
        if (type instanceof ParameterizedType pt) {
            Class<?> rawType = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (Map.class.isAssignableFrom(rawType)) {
                if (!(raw instanceof Map<?, ?> m)) {
                    problems.add(path + ": expected a mapping, got " + describe(raw));
                    return;
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String)) {
                        problems.add(path + ": non-string key " + describe(e.getKey()));
                        continue;
                    }
                    walk(e.getValue(), args[1], path + "[" + e.getKey() + "]", problems);
                }
                return;
            }
            if (Collection.class.isAssignableFrom(rawType)) {
                if (!(raw instanceof List<?> l)) {
                    problems.add(path + ": expected a list, got " + describe(raw));
                    return;
                }
                for (int i = 0; i < l.size(); i++) {
                    walk(l.get(i), args[0], path + "[" + i + "]", problems);
                }
                return;
            }
            problems.add(path + ": unsupported generic type " + type);
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            expect(raw instanceof String, "a string", raw, path, problems);
        } else if (c == Integer.class || c == Long.class || c == int.class || c == long.class) {
            expect(raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger, "an integer", raw, path,
                    problems);
        } else if (c == Boolean.class || c == boolean.class) {
            expect(raw instanceof Boolean, "a boolean", raw, path, problems);
        } else if (c == Double.class || c == Float.class || c == BigDecimal.class || c == Number.class) {
            expect(raw instanceof Number, "a number", raw, path, problems);
        } else if (c == IntOrString.class) {
            expect(raw instanceof Integer || raw instanceof String, "an integer or a string", raw, path, problems);
        } else if (c == Quantity.class) {
            if (raw instanceof String || raw instanceof Number) {
                try {
                    Quantity.fromString(String.valueOf(raw));
                } catch (RuntimeException e) {
                    problems.add(path + ": not a quantity: " + describe(raw));
                }
            } else {
                problems.add(path + ": expected a quantity, got " + describe(raw));
            }
        } else if (c == OffsetDateTime.class) {
            expect(raw instanceof String || raw instanceof java.util.Date, "a timestamp", raw, path, problems);
        } else if (c == byte[].class) {
            expect(raw instanceof String, "a base64 string", raw, path, problems);
        } else if (c == Object.class) {
            // free-form (e.g. x-kubernetes-preserve-unknown-fields): anything goes
        } else if (c.getPackageName().startsWith("io.kubernetes.client.openapi.models")) {
            if (!(raw instanceof Map<?, ?> m)) {
                problems.add(path + ": expected a mapping for " + c.getSimpleName() + ", got " + describe(raw));
                return;
            }
            Map<String, Field> fields = fields(c);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                Field f = fields.get(key);
                if (f == null) {
                    problems.add(path + "." + key + ": unknown field of " + c.getSimpleName());
                    continue;
                }
                walk(e.getValue(), f.getGenericType(), path + "." + key, problems);
            }
            for (String required : requiredFields(c)) {
                if (!m.containsKey(required)) {
                    problems.add(path + ": missing required field " + required + " of " + c.getSimpleName());
                }
            }
        } else {
            problems.add(path + ": no strict rule for " + c.getName());
        }
    }

    private static Map<String, Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            Map<String, Field> out = new LinkedHashMap<>();
            for (Class<?> x = k; x != null && x != Object.class; x = x.getSuperclass()) {
                for (Field f : x.getDeclaredFields()) {
                    SerializedName sn = f.getAnnotation(SerializedName.class);
                    if (!Modifier.isStatic(f.getModifiers()) && sn != null) {
                        out.putIfAbsent(sn.value(), f);
                    }
                }
            }
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> requiredFields(Class<?> c) {
        try {
            Field f = c.getField("openapiRequiredFields");
            Object v = f.get(null);
            return v instanceof Collection<?> col ? (Collection<String>) col : List.of();
        } catch (NoSuchFieldException e) {
            return List.of();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(boolean ok, String what, Object raw, String path, List<String> problems) {
        if (!ok) {
            problems.add(path + ": expected " + what + ", got " + describe(raw));
        }
    }

    private static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        String s = String.valueOf(raw);
        return raw.getClass().getSimpleName() + " " + (s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }
}
