package dev.lantu.engine.policy;

import dev.lantu.engine.eval.ParameterValue;
import dev.lantu.engine.eval.ParameterValues;
import dev.lantu.engine.lang.Parameters;
import dev.lantu.engine.lang.Type;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parameters of a policy: their types for the checker, their values in force for an evaluation. */
public final class ParameterSet {

    private final Map<String, Parameter> parameters;

    private ParameterSet(Map<String, Parameter> parameters) {
        this.parameters = parameters;
    }

    public static ParameterSet of(Parameter... parameters) {
        return of(List.of(parameters));
    }

    public static ParameterSet of(Collection<Parameter> parameters) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            if (byName.putIfAbsent(parameter.name(), parameter) != null) {
                throw new IllegalArgumentException("the parameter " + parameter.name() + " is declared twice");
            }
        }
        return new ParameterSet(Map.copyOf(byName));
    }

    public Optional<Parameter> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Names and types, which is all the type checker may know: values change, types do not. */
    public Parameters types() {
        return new Parameters() {
            @Override
            public Optional<Type> typeOf(String name) {
                return parameter(name).map(Parameter::type);
            }

            @Override
            public Set<String> names() {
                return parameters.keySet();
            }
        };
    }

    /**
     * The values in force on {@code date}, each with its legal reference. A parameter with no value
     * yet on that date is absent, and a clause that uses it fails with an error naming it.
     */
    public ParameterValues inForceOn(LocalDate date) {
        return name -> parameter(name).flatMap(p -> p.inForceOn(date))
                .map(value -> new ParameterValue(value.value(), value.reference() + ", in force from " + value.from()));
    }
}
