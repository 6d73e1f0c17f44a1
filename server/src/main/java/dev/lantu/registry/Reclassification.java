package dev.lantu.registry;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What applying a rule set would change (or changed): of the enterprises examined, how many change tracks;
 * per track, the enterprises before and after, gained and lost; and the flows between tracks. {@code current}
 * is false when the registry, the atlas or the applied rules changed since the preview: it must be previewed
 * again before it can be applied.
 */
public record Reclassification(long ruleSetId, ClassificationRuleSet.Status status, OffsetDateTime previewedAt,
		long examined, long changed, List<TrackChange> tracks, List<Flow> flows, boolean current) {

	public Reclassification {
		tracks = List.copyOf(tracks);
		flows = List.copyOf(flows);
	}

	/** One track's enterprises before and after. */
	public record TrackChange(String trackId, long before, long after, long gained, long lost) {

		public long net() {
			return after - before;
		}

	}

	/**
	 * Enterprises that leave {@code from} and enter {@code to}; an empty {@code from} is an enterprise that had
	 * no track it loses, an empty {@code to} one that gains none.
	 */
	public record Flow(String from, String to, long enterprises) {
	}

	/** One enterprise that would move: the tracks it loses and gains. */
	public record Change(String uscc, String name, String districtCode, List<String> removed, List<String> added) {

		public Change {
			removed = List.copyOf(removed);
			added = List.copyOf(added);
		}

	}

}
