package dev.lantu.web;

/** An uploaded file larger than the endpoint takes (the project import's 20 MB): answered with 413. */
public class UploadTooLargeException extends RuntimeException {

	private final String field;

	private final long size;

	private final long limit;

	public UploadTooLargeException(String field, String fileName, long size, long limit) {
		super(field + ": the file " + (fileName == null ? "" : "'" + fileName + "' ") + "is " + size
				+ " bytes; this import takes at most " + limit + " bytes (" + BodySizeLimit.human(limit) + ")");
		this.field = field;
		this.size = size;
		this.limit = limit;
	}

	public String field() {
		return field;
	}

	public long size() {
		return size;
	}

	public long limit() {
		return limit;
	}

}
