package dev.lantu.engine.lang;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The built-in functions. The list is closed on purpose: a policy author cannot define code. */
public enum Function {
    MIN("min", 2, Integer.MAX_VALUE, "min(a, b, …): the smallest of numbers, amounts or dates of one type"),
    MAX("max", 2, Integer.MAX_VALUE, "max(a, b, …): the largest of numbers, amounts or dates of one type"),
    CLAMP("clamp", 3, 3, "clamp(x, low, high): x kept between low and high"),
    ABS("abs", 1, 1, "abs(x): x without its sign"),
    TIERED("tiered", 2, 2, "tiered(base, [bound: rate, …, rate]): a marginal schedule"),
    GROWTH("growth", 1, 2, "growth(v) or growth(v, n): v this year over v n years before, minus 1"),
    HAS("has", 1, 1, "has(v): whether the profile holds v; true or false, never unknown"),
    COUNT("count", 1, 1, "count(s): how many texts the set s holds");

    private final String spelling;
    private final int minArguments;
    private final int maxArguments;
    private final String signature;

    Function(String spelling, int minArguments, int maxArguments, String signature) {
        this.spelling = spelling;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.signature = signature;
    }

    public String spelling() {
        return spelling;
    }

    public int minArguments() {
        return minArguments;
    }

    public int maxArguments() {
        return maxArguments;
    }

    public String signature() {
        return signature;
    }

    public static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(f -> f.spelling.equals(name)).findFirst();
    }

    public static List<String> spellings() {
        return Arrays.stream(values()).map(Function::spelling).toList();
    }
}
