package dev.lantu.dataset;

/**
 * A module's share of a dataset. The loader first reads every part (no writes), checks the whole,
 * and only then writes all parts in one transaction, so a broken dataset leaves nothing half-written.
 * Parts read in {@link org.springframework.core.annotation.Order order}; a later part may check its
 * references against ids an earlier one declared in the {@link DatasetReading}.
 */
public interface DatasetPart {

	/** Reads and checks this part; problems go to the reading. Nothing is written. */
	Prepared read(DatasetDirectory directory, DatasetReading reading);

	/** What a part read, ready to be written. */
	interface Prepared {

		/** Writes this part, inside the load's transaction. Re-writing the same data changes nothing. */
		void write(DatasetLoad load);

	}

}
