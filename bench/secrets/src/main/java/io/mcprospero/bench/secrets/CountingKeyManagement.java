package io.mcprospero.bench.secrets;

import io.mcprospero.kms.KeyManagement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls that reach the key management service (the ones that cost a KMS request). */
final class CountingKeyManagement {

    private static final Set<String> SERVICE_CALLS = Set.of("generateDataKey", "decryptDataKey", "reEncrypt");

    private final AtomicInteger calls = new AtomicInteger();
    private final KeyManagement counted;

    CountingKeyManagement(KeyManagement keys) {
        counted = (KeyManagement) Proxy.newProxyInstance(KeyManagement.class.getClassLoader(), new Class<?>[] {KeyManagement.class},
                (proxy, method, arguments) -> {
                    if (SERVICE_CALLS.contains(method.getName())) {
                        calls.incrementAndGet();
                    }
                    try {
                        return method.invoke(keys, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    KeyManagement keys() {
        return counted;
    }

    int calls() {
        return calls.get();
    }
}
