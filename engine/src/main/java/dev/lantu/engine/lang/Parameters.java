package dev.lantu.engine.lang;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named parameters a clause may use (rates, thresholds, amounts) seen by the type checker:
 * names and types only. Which value is in force on a date is the policy's business, not the
 * checker's.
 */
public interface Parameters {

    Parameters NONE = of(Map.of());

    Optional<Type> typeOf(String name);

    Set<String> names();

    static Parameters of(Map<String, Type> types) {
        Map<String, Type> copy = Map.copyOf(types);
        return new Parameters() {
            @Override
            public Optional<Type> typeOf(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public Set<String> names() {
                return copy.keySet();
            }
        };
    }
}
