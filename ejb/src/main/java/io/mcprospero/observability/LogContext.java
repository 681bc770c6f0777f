package io.mcprospero.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids that every log line of the current request carries (org_id, user_id, agent_id, run_id), set at
 * the boundary where they become known and cleared when the request ends. Ids only: never a name, email
 * address, token or message body.
 */
public final class LogContext {

    public static final String ORG_ID = "org_id";
    public static final String USER_ID = "user_id";
    public static final String AGENT_ID = "agent_id";
    public static final String RUN_ID = "run_id";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {
    }

    public static void put(String key, String value) {
        if (value == null) {
            CURRENT.get().remove(key);
        } else {
            CURRENT.get().put(key, value);
        }
    }

    public static Map<String, String> current() {
        return Collections.unmodifiableMap(CURRENT.get());
    }

    public static void clear() {
        CURRENT.remove();
    }
}
