package dev.lantu.engine.lang;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * "Did you mean …": the known name closest to a misspelt one, by Levenshtein distance extended with
 * the swap of two neighbouring letters (optimal string alignment), the commonest typing slip.
 */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
     * name's letters changed (and at least one allowed), so {@code revenu} finds {@code revenue} but
     * {@code x} does not find {@code tax}.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int allowed = Math.max(1, name.length() / 3);
        return candidates.stream()
                .filter(candidate -> !candidate.equals(name))
                .map(candidate -> new Scored(candidate, distance(name, candidate)))
                .filter(scored -> scored.distance <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    private record Scored(String candidate, int distance) {
    }

    /** Insertions, deletions, substitutions and swaps of neighbouring letters, each costing one. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
