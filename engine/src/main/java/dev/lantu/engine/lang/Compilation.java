package dev.lantu.engine.lang;

import java.util.List;

/** What became of a clause's source: a checked expression with its type, or every error found. */
public sealed interface Compilation {

    List<LanguageError> errors();

    record Success(String source, Expr expr, Type type) implements Compilation {
        @Override
        public List<LanguageError> errors() {
            return List.of();
        }
    }

    record Failure(String source, List<LanguageError> errors) implements Compilation {
        public Failure {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failure has at least one error");
            }
            errors = List.copyOf(errors);
        }
    }
}
