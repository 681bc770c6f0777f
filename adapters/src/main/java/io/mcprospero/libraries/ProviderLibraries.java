package io.mcprospero.libraries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The provider SDKs (Anthropic, OpenAI, AWS, Google, Slack) and our adapters to them, loaded when first used, from a
 * bundle of jars that is not on the server's class path.
 *
 * <p>Why: Payara reads every jar on its class path at start, whatever the application uses. HK2 merges every jar's
 * manifest and the JSP container walks every entry of every jar for tag libraries, so the cost grows with the number
 * of jars and entries: the SDKs are about 70 jars and 75,000 entries (openai-java-core alone 37,650), and with them
 * on the class path the server started slower and held a larger heap at ready (bench/README.md, 2026-12-06), for
 * libraries that an agent uses minutes later, or never.
 *
 * <p>The bundle is {@code mcprospero-adapters-*-providers.jar}: the jars under {@value #BUNDLE} inside it are
 * copied, on the first {@link #load}, into a fresh private temporary directory and opened by one class loader whose
 * parent is this class's loader (parent first: our ports, and libraries the server already has, resolve as before).
 * Without a bundle (unit tests, where the SDKs are on the class path) the services come from this class's loader.
 */
public final class ProviderLibraries {

    static final String BUNDLE = "META-INF/mcprospero-providers/";
    static final String MARKER = BUNDLE + "bundle.properties";
    private static final Logger LOG = Logger.getLogger(ProviderLibraries.class.getName());

    private static ClassLoader loader;
    private static final Map<Class<?>, Object> SERVICES = new ConcurrentHashMap<>();

    private ProviderLibraries() {
    }

    /**
     * The one implementation of {@code service} in the provider libraries, its every call made with the provider
     * libraries' loader as the thread's context class loader (the SDKs look up their own parts through it).
     *
     * @throws ProviderLibrariesMissing when the bundle cannot be opened or holds no implementation
     */
    public static <T> T load(Class<T> service) {
        // the services are stateless factories: one each, so that an agent's tool call does not scan service files
        return service.cast(SERVICES.computeIfAbsent(service, type -> find(type, loader())));
    }

    static <T> T find(Class<T> service, ClassLoader libraries) {
        T found = ServiceLoader.load(service, libraries).findFirst().orElseThrow(() -> new ProviderLibrariesMissing(
                "The provider libraries hold no " + service.getSimpleName() + ": the server was built without "
                        + "mcprospero-adapters' providers bundle. Rebuild it with mvn package."));
        return ContextClassLoaderProxy.around(service, found, libraries);
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            loader = open(ProviderLibraries.class.getClassLoader());
        }
        return loader;
    }

    /** The loader of the bundle that {@code parent} sees, or {@code parent} itself when it sees none. */
    static ClassLoader open(ClassLoader parent) {
        URL marker = parent.getResource(MARKER);
        if (marker == null) {
            return parent;
        }
        long started = System.nanoTime();
        try {
            Path directory = Files.createTempDirectory("mcprospero-providers-");
            deleteAtExit(directory);
            List<URL> jars = new ArrayList<>();
            for (Path jar : copyBundle(marker, directory)) {
                jars.add(jar.toUri().toURL());
            }
            LOG.info(() -> "provider libraries: " + jars.size() + " jars opened in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return new URLClassLoader("mcprospero-providers", jars.toArray(URL[]::new), parent);
        } catch (IOException e) {
            // the path and the cause go to the operator's log; the message may reach a person through a run's outcome
            LOG.log(Level.WARNING, "provider libraries: could not copy them into java.io.tmpdir ("
                    + System.getProperty("java.io.tmpdir") + "): " + e);
            throw new ProviderLibrariesMissing("The provider libraries could not be unpacked into the server's temporary "
                    + "directory. The operator should give the server a writable java.io.tmpdir (see its log).");
        }
    }

    private static List<Path> copyBundle(URL marker, Path directory) throws IOException {
        List<Path> copied = new ArrayList<>();
        URLConnection connection = marker.openConnection();
        if (connection instanceof JarURLConnection jarConnection) {
            jarConnection.setUseCaches(false);
            try (JarFile bundle = jarConnection.getJarFile()) {
                for (JarEntry entry : bundle.stream().filter(ProviderLibraries::isBundledJar).toList()) {
                    Path target = directory.resolve(entry.getName().substring(BUNDLE.length()));
                    try (InputStream in = bundle.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    copied.add(target);
                }
            }
        } else {
            // an unpacked bundle (a class directory): the jars beside the marker
            Path dir = Path.of(fileOf(marker)).getParent();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                    Path target = directory.resolve(jar.getFileName().toString());
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                    copied.add(target);
                }
            }
        }
        return copied;
    }

    private static boolean isBundledJar(JarEntry entry) {
        String name = entry.getName();
        return name.startsWith(BUNDLE) && name.endsWith(".jar") && name.indexOf('/', BUNDLE.length()) < 0
                && !name.contains("..");
    }

    private static String fileOf(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.getFile();
        }
    }

    private static void deleteAtExit(Path directory) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary directory left behind is not worth a failure at shutdown
            }
        }, "mcprospero-providers-cleanup"));
    }
}
