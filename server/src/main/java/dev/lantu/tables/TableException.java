package dev.lantu.tables;

/** A file that cannot be read as a table at all: nothing of it was used. */
public class TableException extends RuntimeException {

	public TableException(String message) {
		super(message);
	}

}
