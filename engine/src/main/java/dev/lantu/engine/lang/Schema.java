package dev.lantu.engine.lang;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The variables clauses may read: the vocabulary of a policy's enterprise facts. */
public final class Schema {

    private final Map<String, Variable> variables;

    private Schema(Map<String, Variable> variables) {
        this.variables = variables;
    }

    public static Schema of(Variable... variables) {
        return of(List.of(variables));
    }

    public static Schema of(Collection<Variable> variables) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable variable : variables) {
            if (byName.putIfAbsent(variable.name(), variable) != null) {
                throw new IllegalArgumentException("the schema declares " + variable.name() + " twice");
            }
            if (Function.named(variable.name()).isPresent() || isReserved(variable.name())) {
                throw new IllegalArgumentException(variable.name() + " is a word of the language, not a variable name");
            }
        }
        return new Schema(Map.copyOf(byName));
    }

    static boolean isReserved(String name) {
        return List.of("this_year", "last_year", "year", "and", "or", "not", "if", "then", "else", "in", "true",
                "false").contains(name);
    }

    public Optional<Variable> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    public Collection<String> names() {
        return variables.keySet();
    }

    public Collection<Variable> variables() {
        return variables.values();
    }
}
