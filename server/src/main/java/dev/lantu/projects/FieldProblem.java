package dev.lantu.projects;

/** What is wrong with one field of a request or one cell of an import: where, the value, why. */
public record FieldProblem(String field, String value, String reason) {
}
