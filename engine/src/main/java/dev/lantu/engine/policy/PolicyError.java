package dev.lantu.engine.policy;

import dev.lantu.engine.lang.Position;
import java.util.Objects;

/**
 * A problem in a policy file (or its schema or test cases), positioned so its author can find it.
 *
 * @param file       the file's name as the caller gave it
 * @param position   line and column in the file, from 1; inside an expression, the place of the
 *                   problem within the expression, mapped into the file
 * @param path       where in the document: {@code clauses[2].eligibility}, {@code parameters.cap.values[0]}
 * @param suggestion a likely fix ("did you mean award?"); empty when there is none
 */
public record PolicyError(String file, Position position, String path, String message, String suggestion) {

    public PolicyError {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
        file = file == null ? "" : file;
        path = path == null ? "" : path;
        suggestion = suggestion == null ? "" : suggestion;
    }

    @Override
    public String toString() {
        return file + ":" + position + (path.isEmpty() ? "" : " " + path) + ": " + message
                + (suggestion.isEmpty() ? "" : " (" + suggestion + ")");
    }
}
