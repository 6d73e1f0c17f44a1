package dev.lantu.engine.lang;

/**
 * Where something sits in a clause's source text, 1-based like an editor shows it, so a policy
 * author can find it. The position one past the last character marks the end of the input.
 */
public record Position(int line, int column) implements Comparable<Position> {

    public static final Position START = new Position(1, 1);

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions start at line 1, column 1: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
