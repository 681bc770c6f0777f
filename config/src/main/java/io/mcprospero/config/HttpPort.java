package io.mcprospero.config;

/**
 * The HTTP port this server listens on, for the default public URL. Payara Micro's {@code --port N}
 * option is read from its runtime; {@code payaramicro.port} is the system property form of the same option.
 */
final class HttpPort {

    private static final int DEFAULT = 8080;

    private HttpPort() {
    }

    static int current() {
        String property = System.getProperty("payaramicro.port");
        if (property != null && property.matches("\\d{1,5}")) {
            return Integer.parseInt(property);
        }
        return fromPayaraMicro();
    }

    /**
     * Reflection, because the Payara Micro API is only present when running on Payara Micro. Payara Server carries the
     * API class too, without the implementation; asking it for an instance there logs a SEVERE line, so the
     * implementation is looked for first.
     */
    private static int fromPayaraMicro() {
        try {
            Class.forName("fish.payara.micro.impl.PayaraMicroImpl");
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            Object port = micro.getMethod("getHttpPort").invoke(instance);
            return port instanceof Integer value && value > 0 ? value : DEFAULT;
        } catch (ReflectiveOperationException | LinkageError e) {
            return DEFAULT;
        }
    }
}
