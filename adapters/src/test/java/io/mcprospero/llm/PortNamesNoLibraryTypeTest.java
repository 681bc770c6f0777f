package io.mcprospero.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The port's types, and every type of ours their fields and signatures name, name no SDK type: the ejb module's
 * LibraryTypesStayInAdaptersTest walks the same graph from its own classes, and Payara's deployment scan follows it.
 */
class PortNamesNoLibraryTypeTest {

    private static final List<String> LIBRARIES = List.of("com.anthropic.", "com.openai.", "kotlin.", "okhttp3.",
            "okio.", "com.fasterxml.jackson.", "software.amazon.", "io.opentelemetry.");

    @Test
    void thePortReachesNoLibraryType() {
        Deque<Class<?>> work = new ArrayDeque<>(List.of(LanguageModel.class, LanguageModels.class, LlmSettings.class,
                ModelRequest.class, ModelMessage.class, ModelRole.class, ContentBlock.class, TextBlock.class,
                ToolUseBlock.class, ToolResultBlock.class, ModelTool.class, ModelReply.class, StopReason.class,
                ModelFailure.class, ModelFailure.Kind.class, RetryBackoff.class));
        Set<Class<?>> seen = new HashSet<>(work);
        List<String> violations = new ArrayList<>();
        while (!work.isEmpty()) {
            Class<?> type = work.poll();
            for (Class<?> named : namedBy(type)) {
                while (named.isArray()) {
                    named = named.getComponentType();
                }
                String name = named.getName();
                if (LIBRARIES.stream().anyMatch(name::startsWith)) {
                    violations.add(type.getName() + " names " + name);
                } else if (name.startsWith("io.mcprospero.") && seen.add(named)) {
                    work.add(named);
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(seen).noneMatch(type -> type.getPackageName().startsWith("io.mcprospero.llm."));
    }

    private static List<Class<?>> namedBy(Class<?> type) {
        List<Class<?>> named = new ArrayList<>();
        if (type.getSuperclass() != null) {
            named.add(type.getSuperclass());
        }
        named.addAll(List.of(type.getInterfaces()));
        named.addAll(List.of(type.getPermittedSubclasses() == null ? new Class<?>[0] : type.getPermittedSubclasses()));
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
        return named;
    }
}
