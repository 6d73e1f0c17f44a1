package dev.lantu.registry;

/**
 * The enterprises seen so far in a file, compactly, to find rows that repeat one: per USCC the row that
 * first gave it, a hash of what that row said about the enterprise, and the years it gave figures for.
 * About 66 bytes per enterprise (an open-addressing table of primitives), so a file of a million
 * enterprises needs some 64 MB, where a map of strings would need several times that.
 */
final class UsccKeys {

	private static final String SYMBOLS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** The year bit for a row without a year; bits 0-62 are the years from {@link RowCheck#FIRST_YEAR}. */
	static final int NO_YEAR = 63;

	private long[] high = new long[1 << 12];

	private long[] low = new long[1 << 12];

	private int[] firstRow = new int[1 << 12];

	private int[] identity = new int[1 << 12];

	private long[] years = new long[1 << 12];

	private boolean[] existing = new boolean[1 << 12];

	private int size;

	/** What a row found: -1 when the USCC is new, else the row that first gave it. */
	record Seen(int firstRow, boolean sameYear, boolean sameIdentity) {
	}

	/** Where a USCC stands: the row that first gave it, and whether the registry had it before the import. */
	record Entry(int firstRow, boolean existing) {
	}

	/** The entry of a USCC added before; null when it was never added. */
	Entry find(String uscc) {
		int slot = slotOf(uscc);
		return high[slot] == 0 ? null : new Entry(firstRow[slot], existing[slot]);
	}

	/** Marks a USCC (added before) as one the registry had before the import. */
	void markExisting(String uscc) {
		int slot = slotOf(uscc);
		if (high[slot] != 0) {
			existing[slot] = true;
		}
	}

	/** Every USCC added, in chunks (for looking them up in the registry a chunk at a time). */
	void forEachChunk(int size, java.util.function.Consumer<java.util.List<String>> chunk) {
		java.util.List<String> codes = new java.util.ArrayList<>(size);
		for (int slot = 0; slot < high.length; slot++) {
			if (high[slot] != 0) {
				codes.add(decode(high[slot], low[slot]));
				if (codes.size() == size) {
					chunk.accept(java.util.List.copyOf(codes));
					codes.clear();
				}
			}
		}
		if (!codes.isEmpty()) {
			chunk.accept(java.util.List.copyOf(codes));
		}
	}

	private static String decode(long hi, long lo) {
		char[] code = new char[17];
		long h = hi - 1;
		for (int i = 7; i >= 0; i--) {
			code[i] = SYMBOLS.charAt((int) (h % 31));
			h /= 31;
		}
		long l = lo;
		for (int i = 16; i >= 8; i--) {
			code[i] = SYMBOLS.charAt((int) (l % 31));
			l /= 31;
		}
		String first17 = new String(code);
		return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
	}

	private int slotOf(String uscc) {
		long hi = high(uscc);
		long lo = low(uscc);
		int slot = slot(hi, lo);
		while (high[slot] != 0 && !(high[slot] == hi && low[slot] == lo)) {
			slot = (slot + 1) & (high.length - 1);
		}
		return slot;
	}

	private static long high(String uscc) {
		long hi = 0;
		for (int i = 0; i < 8; i++) {
			hi = hi * 31 + SYMBOLS.indexOf(uscc.charAt(i));
		}
		return hi + 1; // 0 marks an empty slot
	}

	private static long low(String uscc) {
		long lo = 0;
		for (int i = 8; i < 17; i++) {
			lo = lo * 31 + SYMBOLS.indexOf(uscc.charAt(i));
		}
		return lo;
	}

	/** Records a row's USCC and year; says whether and how an earlier row gave the same enterprise. */
	Seen add(String uscc, Integer year, int identityHash, int row) {
		long hi = high(uscc);
		long lo = low(uscc);
		long bit = 1L << (year == null ? NO_YEAR : Math.min(NO_YEAR - 1, Math.max(0, year - RowCheck.FIRST_YEAR)));
		int slot = slot(hi, lo);
		while (high[slot] != 0) {
			if (high[slot] == hi && low[slot] == lo) {
				boolean sameYear = (years[slot] & bit) != 0;
				years[slot] |= bit;
				return new Seen(firstRow[slot], sameYear, identity[slot] == identityHash);
			}
			slot = (slot + 1) & (high.length - 1);
		}
		high[slot] = hi;
		low[slot] = lo;
		firstRow[slot] = row;
		identity[slot] = identityHash;
		years[slot] = bit;
		if (++size * 2 > high.length) {
			grow();
		}
		return new Seen(-1, false, true);
	}

	int size() {
		return size;
	}

	private int slot(long hi, long lo) {
		long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
		return (int) (h ^ (h >>> 32)) & (high.length - 1);
	}

	private void grow() {
		long[] oldHigh = high;
		long[] oldLow = low;
		int[] oldRow = firstRow;
		int[] oldIdentity = identity;
		long[] oldYears = years;
		boolean[] oldExisting = existing;
		int capacity = oldHigh.length * 2;
		high = new long[capacity];
		low = new long[capacity];
		firstRow = new int[capacity];
		identity = new int[capacity];
		years = new long[capacity];
		existing = new boolean[capacity];
		for (int i = 0; i < oldHigh.length; i++) {
			if (oldHigh[i] != 0) {
				int slot = slot(oldHigh[i], oldLow[i]);
				while (high[slot] != 0) {
					slot = (slot + 1) & (capacity - 1);
				}
				high[slot] = oldHigh[i];
				low[slot] = oldLow[i];
				firstRow[slot] = oldRow[i];
				identity[slot] = oldIdentity[i];
				years[slot] = oldYears[i];
				existing[slot] = oldExisting[i];
			}
		}
	}

}
