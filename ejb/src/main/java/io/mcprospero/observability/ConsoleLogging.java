package io.mcprospero.observability;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

/** Puts {@link JsonLogFormatter} on the console handlers, so that every console line is JSON with our ids. */
public final class ConsoleLogging {

    private ConsoleLogging() {
    }

    public static void useJson() {
        JsonLogFormatter formatter = new JsonLogFormatter();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler || handler.getClass().getName().contains("Console")) {
                handler.setFormatter(formatter);
            }
        }
    }
}
