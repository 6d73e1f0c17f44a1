package dev.lantu.registry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which industrial tracks (产业赛道, such as {@code gz.cluster.ai}) the registry's enterprises sit in: the
 * policy variable {@code tracks}. Classification provides it as a bean; without one every enterprise's tracks
 * are unknown ({@link #UNCLASSIFIED}), never an empty set, which would read as "in no track" and turn every
 * track condition false. An enterprise the classification has looked at and put in no track has the empty
 * set: that is known.
 */
public interface EnterpriseTracks {

	/** No classification: every enterprise's tracks are unknown. */
	EnterpriseTracks UNCLASSIFIED = new EnterpriseTracks() {

		@Override
		public Optional<Set<String>> tracksOf(String uscc) {
			return Optional.empty();
		}

		@Override
		public Map<String, Set<String>> tracksBetween(String fromUscc, String toUscc) {
			return Map.of();
		}

		@Override
		public Optional<String> membershipSql() {
			return Optional.empty();
		}

	};

	/** The tracks of a classified enterprise (perhaps none); empty when it has not been classified. */
	Optional<Set<String>> tracksOf(String uscc);

	/** The tracks of the classified enterprises whose USCC lies between the two, both included. */
	Map<String, Set<String>> tracksBetween(String fromUscc, String toUscc);

	/**
	 * A query over the registry's database giving rows {@code (uscc, track)}: one per classified enterprise and
	 * track, and one with a NULL track for an enterprise classified into none; none for an enterprise not
	 * classified. Empty when there is no classification, so the SQL path leaves {@code tracks} unknown.
	 */
	Optional<String> membershipSql();

}
