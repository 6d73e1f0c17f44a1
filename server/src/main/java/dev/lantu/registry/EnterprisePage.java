package dev.lantu.registry;

import java.util.List;

/** One page of a registry search, ordered by name, and how many enterprises match in all. */
public record EnterprisePage(List<EnterpriseSummary> enterprises, long total, int page, int size) {

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

}
