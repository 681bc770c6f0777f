package io.mcprospero.agents.runs;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * What became of the messages a run sent, as the provider reported it after the call returned (WhatsApp's status
 * webhook): a run can have succeeded while a message it sent failed to reach its recipient. Implemented where the
 * provider is; the runs only show it.
 */
public interface DeliveryReports {

    /** The reports of one run of the org, oldest first; empty when it sent nothing that is reported on. */
    List<JsonObject> of(String orgId, String runId);
}
