package io.mcprospero.libraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle as the build makes it (a jar holding jars under META-INF/mcprospero-providers/ and the marker), with a
 * service compiled here so that no other loader can see it.
 */
class ProviderLibrariesTest {

    @TempDir
    Path work;

    @Test
    void aLoaderThatSeesNoBundleIsUsedAsItIs() {
        ClassLoader plain = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());

        assertThat(ProviderLibraries.open(plain)).isSameAs(plain);
    }

    @Test
    void theBundledJarsOpenInTheirOwnLoaderAndTheirServiceRunsWithItAsContextLoader() throws Exception {
        Path bundle = bundle(probeJar(), "META-INF/mcprospero-providers/sub/ignored.jar");
        ClassLoader server = new URLClassLoader(new URL[] {bundle.toUri().toURL()}, ClassLoader.getPlatformClassLoader());

        ClassLoader libraries = ProviderLibraries.open(server);
        @SuppressWarnings("unchecked")
        Supplier<Object> probe = ProviderLibraries.find(Supplier.class, libraries);
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        assertThat(libraries).isNotSameAs(server);
        assertThat(libraries.getParent()).isSameAs(server);
        Object handedOut = probe.get();
        assertThat(handedOut).as("what a call hands out is wrapped too").isInstanceOf(Supplier.class);
        assertThat(((Supplier<?>) handedOut).get()).as("the context class loader during its call").isSameAs(libraries);
        assertThat(Thread.currentThread().getContextClassLoader()).as("and after it").isSameAs(before);
        assertThatThrownBy(() -> server.loadClass("probe.Probe")).isInstanceOf(ClassNotFoundException.class);
        assertThat(((URLClassLoader) libraries).getURLs()).hasSize(1)
                .allSatisfy(url -> assertThat(url.getPath()).endsWith("/probe.jar"));
        Path copiedTo = Path.of(((URLClassLoader) libraries).getURLs()[0].toURI()).getParent();
        assertThat(Files.getPosixFilePermissions(copiedTo)).as("the copies are the server's user's alone")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void aBundleWithoutTheServiceSaysWhatIsMissing() throws Exception {
        Path bundle = bundle(null);
        ClassLoader server = new URLClassLoader(new URL[] {bundle.toUri().toURL()}, ClassLoader.getPlatformClassLoader());

        assertThatThrownBy(() -> ProviderLibraries.find(Runnable.class, ProviderLibraries.open(server)))
                .isInstanceOf(ProviderLibrariesMissing.class)
                .hasMessageContaining("no Runnable").hasMessageContaining("providers bundle");
    }

    /** A jar with probe.Probe, a Supplier that answers the context class loader it runs with, as a service. */
    private byte[] probeJar() throws IOException {
        Path source = work.resolve("src/probe/Probe.java");
        Files.createDirectories(source.getParent());
        // get() answers the context class loader of its call, or, once asked for "next", another Supplier of the
        // libraries (as a service hands out a client), whose own get() answers its call's context class loader
        Files.writeString(source, "package probe; public class Probe implements java.util.function.Supplier<Object> {"
                + " private final boolean handOut; public Probe() { this(true); } Probe(boolean handOut) { this.handOut = handOut; }"
                + " public Object get() { return handOut ? new Probe(false) : Thread.currentThread().getContextClassLoader(); } }");
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry("probe/Probe.class"));
            jar.write(Files.readAllBytes(classes.resolve("probe/Probe.class")));
            jar.putNextEntry(new JarEntry("META-INF/services/java.util.function.Supplier"));
            jar.write("probe.Probe\n".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Path bundle(byte[] probeJar, String... alsoEmptyEntries) throws IOException {
        Path bundle = work.resolve("bundle-" + System.nanoTime() + ".jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(bundle))) {
            jar.putNextEntry(new JarEntry(ProviderLibraries.MARKER));
            jar.write("version=test\n".getBytes(StandardCharsets.UTF_8));
            if (probeJar != null) {
                jar.putNextEntry(new JarEntry(ProviderLibraries.BUNDLE + "probe.jar"));
                jar.write(probeJar);
            }
            for (String name : List.of(alsoEmptyEntries)) {
                jar.putNextEntry(new JarEntry(name));
            }
        }
        return bundle;
    }
}
