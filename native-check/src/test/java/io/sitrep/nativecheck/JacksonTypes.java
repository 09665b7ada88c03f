package io.sitrep.nativecheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The application classes that Jackson reads or writes in one service, found the way a reader of the code
 * would: bodies and return types of JAX-RS resource methods and REST-client methods, plus every type an
 * OpenAPI {@code @APIResponse}/{@code @RequestBody} names as its schema (that catches bodies returned inside
 * a {@code Response}), closed over record components, fields and type arguments.
 */
final class JacksonTypes {

    private static final String APP = "io.sitrep.";
    /** Parameter annotations that mean "not the body". */
    private static final Set<String> NON_BODY = Set.of("PathParam", "QueryParam", "HeaderParam", "CookieParam",
            "FormParam", "MatrixParam", "BeanParam", "Context", "RestPath", "RestQuery", "RestHeader", "RestCookie",
            "RestForm", "RestMatrix", "Suspended");

    private final ClassLoader loader;
    /** Class to the place in the code that first reached it, for readable failures. */
    private final Map<Class<?>, String> found = new TreeMap<>(Comparator.comparing(Class::getName));
    private final Deque<Type> pending = new ArrayDeque<>();

    private JacksonTypes(ClassLoader loader) {
        this.loader = loader;
    }

    /** Every application class Jackson touches, with where it was reached from. */
    static Map<Class<?>, String> of(NativeSources sources, ClassLoader loader) {
        JacksonTypes types = new JacksonTypes(loader);
        for (String name : classNames(sources.classesDir())) {
            types.scan(name);
        }
        return types.found;
    }

    private void scan(String className) {
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        boolean resource = has(c, "jakarta.ws.rs.Path") || has(c, "org.eclipse.microprofile.rest.client.inject.RegisterRestClient");
        for (Method m : c.getDeclaredMethods()) {
            boolean endpoint = Stream.of(m.getAnnotations()).anyMatch(a -> has(a.annotationType(), "jakarta.ws.rs.HttpMethod"));
            if (resource && endpoint) {
                add(m.getGenericReturnType(), c.getSimpleName() + "." + m.getName());
                for (Parameter p : m.getParameters()) {
                    if (Stream.of(p.getAnnotations()).noneMatch(a -> NON_BODY.contains(a.annotationType().getSimpleName()))) {
                        add(p.getParameterizedType(), c.getSimpleName() + "." + m.getName() + " body");
                    }
                }
            }
            for (Annotation a : m.getAnnotations()) {
                schemas(a, c.getSimpleName() + "." + m.getName());
            }
        }
    }

    /** {@code @APIResponse(content = @Content(schema = @Schema(implementation = X)))}, also inside containers. */
    private void schemas(Annotation a, String where) {
        String type = a.annotationType().getName();
        if (!type.startsWith("org.eclipse.microprofile.openapi.annotations")) {
            return;
        }
        for (Method attribute : a.annotationType().getDeclaredMethods()) {
            Object value = invoke(attribute, a);
            if (value instanceof Annotation nested) {
                schemas(nested, where);
            } else if (value instanceof Annotation[] nested) {
                for (Annotation n : nested) {
                    schemas(n, where);
                }
            } else if (value instanceof Class<?> implementation && attribute.getName().equals("implementation")) {
                add(implementation, where + " @" + a.annotationType().getSimpleName());
            }
        }
    }

    private static Object invoke(Method attribute, Annotation a) {
        try {
            attribute.setAccessible(true);
            return attribute.invoke(a);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private void add(Type type, String where) {
        pending.add(type);
        while (!pending.isEmpty()) {
            expand(pending.poll(), where);
        }
    }

    private void expand(Type type, String where) {
        if (type instanceof ParameterizedType p) {
            pending.add(p.getRawType());
            pending.addAll(Arrays.asList(p.getActualTypeArguments()));
        } else if (type instanceof GenericArrayType g) {
            pending.add(g.getGenericComponentType());
        } else if (type instanceof WildcardType w) {
            pending.addAll(Arrays.asList(w.getUpperBounds()));
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                pending.add(c.getComponentType());
            } else if (c.getName().startsWith(APP) && !c.isInterface() && found.putIfAbsent(c, where) == null) {
                members(c);
            }
        }
    }

    private void members(Class<?> c) {
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                pending.add(rc.getGenericType());
            }
        } else if (!c.isEnum()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                    pending.add(f.getGenericType());
                }
            }
        }
    }

    private static boolean has(Class<?> c, String annotation) {
        return Stream.of(c.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(annotation));
    }

    private static Iterable<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
