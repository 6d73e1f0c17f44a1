package dev.lantu.engine.sql;

/**
 * A clause, a parameter or a table that the SQL compiler cannot turn into SQL that agrees with
 * the reference evaluator, with the reason. Nothing is compiled when it is thrown.
 */
public class SqlCompilationException extends RuntimeException {

    public SqlCompilationException(String message) {
        super(message);
    }
}
