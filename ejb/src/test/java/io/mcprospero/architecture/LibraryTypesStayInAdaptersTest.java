package io.mcprospero.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule that keeps the deployment fast (README, "Where this differs"): Payara parses the WAR's classes and
 * then, transitively, every type named in their fields, signatures, supertypes and annotations that the server's
 * class path holds. So no class of this module may reach a type of the big libraries that way; those live behind
 * the ports of the adapters module. This walks the same graph, over our own types (including the adapters' ports),
 * and fails with the path to the first library type it reaches.
 */
class LibraryTypesStayInAdaptersTest {

    /** Libraries that Payara does not ship and that the uberjar puts on the server's class path. */
    private static final List<String> KEPT_OUT = List.of("io.temporal.", "com.google.protobuf.", "io.grpc.",
            "software.amazon.", "org.flywaydb.", "com.networknt.", "tools.jackson.", "com.google.api.", "com.google.gson.", "com.slack.");

    @Test
    void noClassOfThisModuleNamesALibraryTypeInAFieldOrSignature() throws Exception {
        Map<Class<?>, Class<?>> reachedFrom = new HashMap<>();
        Deque<Class<?>> work = new ArrayDeque<>();
        for (Class<?> type : classesOfThisModule()) {
            reachedFrom.put(type, null);
            work.add(type);
        }
        List<String> violations = new ArrayList<>();
        while (!work.isEmpty()) {
            Class<?> type = work.poll();
            for (Class<?> named : namedBy(type)) {
                while (named.isArray()) {
                    named = named.getComponentType();
                }
                String name = named.getName();
                if (KEPT_OUT.stream().anyMatch(name::startsWith)) {
                    violations.add(path(type, reachedFrom) + " names " + name);
                } else if (name.startsWith("io.mcprospero.") && !reachedFrom.containsKey(named)) {
                    reachedFrom.put(named, type);
                    work.add(named);
                }
            }
        }
        assertThat(violations).as("library types reachable from the WAR's classes").isEmpty();
        assertThat(reachedFrom).as("the walk reached the adapters' ports")
                .containsKey(Class.forName("io.mcprospero.temporal.WorkflowRuntime"));
    }

    private static List<Class<?>> namedBy(Class<?> type) {
        List<Class<?>> named = new ArrayList<>();
        if (type.getSuperclass() != null) {
            named.add(type.getSuperclass());
        }
        named.addAll(List.of(type.getInterfaces()));
        for (Field field : type.getDeclaredFields()) {
            named.add(field.getType());
        }
        for (Method method : type.getDeclaredMethods()) {
            named.add(method.getReturnType());
            named.addAll(List.of(method.getParameterTypes()));
            named.addAll(List.of(method.getExceptionTypes()));
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            named.addAll(List.of(constructor.getParameterTypes()));
        }
        for (var annotation : type.getDeclaredAnnotations()) {
            named.add(annotation.annotationType());
        }
        return named;
    }

    private static String path(Class<?> type, Map<Class<?>, Class<?>> reachedFrom) {
        StringBuilder path = new StringBuilder(type.getName());
        for (Class<?> from = reachedFrom.get(type); from != null; from = reachedFrom.get(from)) {
            path.insert(0, from.getName() + " -> ");
        }
        return path.toString();
    }

    private static List<Class<?>> classesOfThisModule() throws IOException, URISyntaxException, ClassNotFoundException {
        // the module's compiled classes: the directory that holds a main class of this module
        Path root = Path.of(io.mcprospero.runtime.WorkflowEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, LibraryTypesStayInAdaptersTest.class.getClassLoader()));
            }
        }
        assertThat(classes).hasSizeGreaterThan(100);
        return classes;
    }
}
