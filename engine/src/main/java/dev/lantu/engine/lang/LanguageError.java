package dev.lantu.engine.lang;

/**
 * A problem in a clause's source: where, what, and (when we can guess) how to fix it.
 *
 * @param suggestion a hint such as "did you mean revenue?"; empty when there is none
 */
public record LanguageError(Position position, String message, String suggestion) {

    public LanguageError {
        if (position == null || message == null) {
            throw new IllegalArgumentException("an error needs a position and a message");
        }
        suggestion = suggestion == null ? "" : suggestion;
    }

    public static LanguageError at(Position position, String message) {
        return new LanguageError(position, message, "");
    }

    public boolean hasSuggestion() {
        return !suggestion.isEmpty();
    }

    @Override
    public String toString() {
        return position + ": " + message + (hasSuggestion() ? " (" + suggestion + ")" : "");
    }
}
