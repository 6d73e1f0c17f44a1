package dev.lantu.engine;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property tests with plain JUnit: a property is checked on {@code tries} inputs, each drawn by a
 * generator from its own {@link SplittableRandom}. The generators of one run are seeded from a
 * fixed base seed, so every build checks the same inputs; {@code -Dlantu.seed=N} reruns a failure
 * or explores other inputs. A failure names the seed, the try and the input; there is no shrinking.
 */
public final class Properties {

    /** The base seed of every build; {@code lantu.seed} overrides it. */
    public static final long SEED = 20_251_129L;

    private Properties() {
    }

    public static long seed() {
        String seed = System.getProperty("lantu.seed");
        return seed == null || seed.isBlank() ? SEED : Long.parseLong(seed.strip());
    }

    /** Checks {@code property} on {@code tries} inputs from {@code generator}; throws on the first that fails it. */
    public static <T> void forAll(int tries, Function<SplittableRandom, T> generator, Consumer<? super T> property) {
        long seed = seed();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            // each try has a seed of its own, so what one generator draws does not shift the next input
            T input = generator.apply(new SplittableRandom(seeds.nextLong()));
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError("property failed on try " + attempt + " of " + tries + " with seed " + seed
                        + " (rerun with -Dlantu.seed=" + seed + ")\ninput: " + describe(input)
                        + "\nfailure: " + failure, failure);
            }
        }
    }

    /** Text as a Java string literal, so blanks and control characters show; anything else as it prints. */
    private static String describe(Object input) {
        if (!(input instanceof String text)) {
            return String.valueOf(input);
        }
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\t' -> literal.append("\\t");
                default -> literal.append(Character.isISOControl(c) || Character.isSurrogate(c) || !Character.isDefined(c)
                        ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return literal.append('"').toString();
    }
}
