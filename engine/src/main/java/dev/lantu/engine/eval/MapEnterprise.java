package dev.lantu.engine.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An enterprise profile held in maps: for tests, policy test cases and the calculator's form input. */
public final class MapEnterprise implements Enterprise {

    private final Map<String, Value> statics;
    private final Map<String, Map<Integer, Value>> yearly;

    private MapEnterprise(Map<String, Value> statics, Map<String, Map<Integer, Value>> yearly) {
        this.statics = Map.copyOf(statics);
        Map<String, Map<Integer, Value>> copy = new HashMap<>();
        yearly.forEach((name, byYear) -> copy.put(name, Map.copyOf(byYear)));
        this.yearly = Map.copyOf(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Value> fact(String variable) {
        return Optional.ofNullable(statics.get(variable));
    }

    @Override
    public Optional<Value> fact(String variable, int year) {
        return Optional.ofNullable(yearly.getOrDefault(variable, Map.of()).get(year));
    }

    public static final class Builder {
        private final Map<String, Value> statics = new HashMap<>();
        private final Map<String, Map<Integer, Value>> yearly = new HashMap<>();

        private Builder() {
        }

        public Builder fact(String variable, Value value) {
            statics.put(variable, known(value));
            return this;
        }

        public Builder fact(String variable, int year, Value value) {
            yearly.computeIfAbsent(variable, name -> new HashMap<>()).put(year, known(value));
            return this;
        }

        /** A profile states what is known; what is unknown is simply left out. */
        private static Value known(Value value) {
            if (value == null || value.isUnknown()) {
                throw new IllegalArgumentException("leave an unknown fact out of the profile instead of storing it");
            }
            return value;
        }

        public MapEnterprise build() {
            return new MapEnterprise(statics, yearly);
        }
    }
}
