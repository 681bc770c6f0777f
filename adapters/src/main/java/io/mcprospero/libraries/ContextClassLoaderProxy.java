package io.mcprospero.libraries;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Makes every call into an object of the provider libraries with their loader as the thread's context class loader,
 * and wraps what the call returns the same way when it is theirs too (a service hands out clients). The SDKs find
 * their own parts (AWS's execution interceptors, service files) through the context class loader, which on a
 * request or worker thread is the application's, where those parts are not.
 */
final class ContextClassLoaderProxy implements InvocationHandler {

    private final Object target;
    private final ClassLoader libraries;

    private ContextClassLoaderProxy(Object target, ClassLoader libraries) {
        this.target = target;
        this.libraries = libraries;
    }

    static <T> T around(Class<T> type, T target, ClassLoader libraries) {
        if (libraries == ContextClassLoaderProxy.class.getClassLoader() || target.getClass().getClassLoader() != libraries) {
            return target;
        }
        return type.cast(wrap(target, libraries, type));
    }

    /** A proxy of {@code target} with the interfaces of it that the server sees ({@code declared} among them, if one). */
    private static Object wrap(Object target, ClassLoader libraries, Class<?> declared) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        if (declared.isInterface()) {
            interfaces.add(declared);
        }
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : type.getInterfaces()) {
                if (candidate.getClassLoader() != libraries) {
                    interfaces.add(candidate);
                }
            }
        }
        if (interfaces.isEmpty()) {
            return target;
        }
        // the server's loader (the libraries' parent) sees every interface kept: they are not the libraries' own
        return Proxy.newProxyInstance(libraries.getParent(), interfaces.toArray(Class<?>[]::new), new ContextClassLoaderProxy(target, libraries));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> method.invoke(target, arguments);
            };
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(libraries);
        try {
            Object result = method.invoke(target, arguments);
            Class<?> returned = method.getReturnType();
            // declared as an interface, or as Object (a generic method, erased), and made by the libraries
            if (result != null && (returned.isInterface() || returned == Object.class)
                    && result.getClass().getClassLoader() == libraries) {
                return wrap(result, libraries, returned);
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
