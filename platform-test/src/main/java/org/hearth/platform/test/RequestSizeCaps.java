package org.hearth.platform.test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every collection a client can send has a declared maximum ({@code @Size(max = …)}): a request body's lists, sets,
 * maps and arrays, and those of the records inside them, at any depth. Without a cap, one request of 10,000 items
 * holds a thread, fills memory and may be stored whole; the cap turns it into a 400 that names the field. Checked
 * on the classes themselves, so a new endpoint cannot forget it (issue 20). Annotations are matched by name: the
 * services' classpath has them, this test library need not.
 */
public final class RequestSizeCaps {

    private static final String SIZE = "jakarta.validation.constraints.Size";
    private static final String REQUEST_BODY = "org.springframework.web.bind.annotation.RequestBody";

    private RequestSizeCaps() {}

    public static void check(JavaClasses classes) {
        List<String> uncapped = new ArrayList<>();
        for (JavaClass controller : classes) {
            if (!controller.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")) {
                continue;
            }
            for (Method method : controller.reflect().getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (annotation(parameter, REQUEST_BODY) != null) {
                        String where = controller.getSimpleName() + "." + method.getName() + "(@RequestBody)";
                        visit(
                                parameter.getAnnotatedType(),
                                annotation(parameter, SIZE),
                                where,
                                uncapped,
                                new HashSet<>());
                    }
                }
            }
        }
        if (!uncapped.isEmpty()) {
            throw new AssertionError(
                    "collections in request bodies without @Size(max = …):\n  " + String.join("\n  ", uncapped));
        }
    }

    private static void visit(
            AnnotatedType type, Annotation size, String where, List<String> uncapped, Set<Class<?>> seen) {
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        boolean collection = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw.isArray();
        if (collection) {
            Annotation declared = size != null ? size : annotation(type, SIZE);
            if (declared == null || max(declared) == Integer.MAX_VALUE) {
                uncapped.add(where);
            }
            if (type instanceof AnnotatedParameterizedType generic) {
                AnnotatedType[] arguments = generic.getAnnotatedActualTypeArguments();
                visit(arguments[arguments.length - 1], null, where + "[]", uncapped, seen);
            }
            return;
        }
        if (raw.isRecord() && seen.add(raw)) {
            for (RecordComponent component : raw.getRecordComponents()) {
                Annotation componentSize = annotation(component, SIZE);
                if (componentSize
                        == null) { // @Size is a type-use annotation: on a record it sits on the component's type
                    componentSize = annotation(component.getAnnotatedType(), SIZE);
                }
                visit(component.getAnnotatedType(), componentSize, where + "." + component.getName(), uncapped, seen);
            }
        }
    }

    private static Annotation annotation(AnnotatedElement element, String name) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static int max(Annotation size) {
        try {
            return (int) size.annotationType().getMethod("max").invoke(size);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> raw(AnnotatedType type) {
        java.lang.reflect.Type t = type.getType();
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
