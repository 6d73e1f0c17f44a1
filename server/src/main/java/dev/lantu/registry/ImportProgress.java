package dev.lantu.registry;

/**
 * How far an import has got, readable from another thread while it runs (the CLI's progress bar, the web
 * page's polling): checking reads the whole file once, writing reads it again.
 */
public final class ImportProgress {

	public enum Phase {
		QUEUED, CHECKING, WRITING, DONE, FAILED
	}

	private volatile Phase phase = Phase.QUEUED;

	private volatile long bytesRead;

	private volatile long totalBytes = -1;

	private volatile int rowsChecked;

	private volatile int rowsWritten;

	private volatile int rowsTotal = -1;

	public Phase phase() {
		return phase;
	}

	public int rowsChecked() {
		return rowsChecked;
	}

	public int rowsWritten() {
		return rowsWritten;
	}

	/** The rows to write, known once checking is done; -1 before. */
	public int rowsTotal() {
		return rowsTotal;
	}

	/** From 0 to 1: checking is the first half, writing the second. */
	public double fraction() {
		return switch (phase) {
			case QUEUED -> 0;
			case CHECKING -> totalBytes <= 0 ? 0 : 0.5 * Math.min(1, (double) bytesRead / totalBytes);
			case WRITING -> 0.5 + (rowsTotal <= 0 ? 0 : 0.5 * Math.min(1, (double) rowsWritten / rowsTotal));
			case DONE, FAILED -> 1;
		};
	}

	void checking(long read, long total, int rows) {
		phase = Phase.CHECKING;
		bytesRead = read;
		totalBytes = total;
		rowsChecked = rows;
	}

	void writing(int written, int total) {
		phase = Phase.WRITING;
		rowsWritten = written;
		rowsTotal = total;
	}

	void done() {
		phase = Phase.DONE;
	}

	void failed() {
		phase = Phase.FAILED;
	}

}
