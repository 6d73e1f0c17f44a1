package dev.lantu.web;

/** A user-supplied file name that looks like a path or holds control characters: answered with 400. */
public class UnsafeFileNameException extends RuntimeException {

	private final String field;

	private final String name;

	public UnsafeFileNameException(String field, String name, String reason) {
		super(field + ": " + reason);
		this.field = field;
		this.name = name;
	}

	public String field() {
		return field;
	}

	public String name() {
		return name;
	}

}
