package dev.lantu.engine.eval;

import java.util.Map;
import java.util.Optional;

/**
 * The parameters an evaluation uses, already resolved to the values in force. Which date decides
 * "in force" is the caller's choice (the policy layer uses the rule's effective date), so the
 * evaluator stays free of calendars.
 */
public interface ParameterValues {

    ParameterValues NONE = of(Map.of());

    Optional<ParameterValue> lookup(String name);

    static ParameterValues of(Map<String, ParameterValue> values) {
        Map<String, ParameterValue> copy = Map.copyOf(values);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
