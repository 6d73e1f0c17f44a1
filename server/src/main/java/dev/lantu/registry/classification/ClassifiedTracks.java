package dev.lantu.registry.classification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.lantu.registry.EnterpriseTracks;

/**
 * The policy variable {@code tracks} from the registry's own classification: the tracks stored for an
 * enterprise whose classification follows its current version. An enterprise changed since (or new) waits
 * for the catch-up and has unknown tracks meanwhile, never the tracks of its previous version.
 */
@Component
class ClassifiedTracks implements EnterpriseTracks {

	/** Rows (uscc, track): one per current track, one with a NULL track for an enterprise classified into none. */
	private static final String MEMBERSHIP = "select c.uscc as uscc, t.track_id as track from enterprise_classification c"
			+ " join enterprise e on e.uscc = c.uscc and e.version = c.enterprise_version"
			+ " left join enterprise_track t on t.uscc = c.uscc";

	private final JdbcClient jdbc;

	ClassifiedTracks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Set<String>> tracksOf(String uscc) {
		return Optional.ofNullable(tracksBetween(uscc, uscc).get(uscc));
	}

	@Override
	public Map<String, Set<String>> tracksBetween(String fromUscc, String toUscc) {
		Map<String, Set<String>> tracks = new HashMap<>();
		jdbc.sql("select uscc, track from (" + MEMBERSHIP + ") m where uscc >= ? and uscc <= ?")
			.params(fromUscc, toUscc)
			.query((rs, n) -> {
				Set<String> held = tracks.computeIfAbsent(rs.getString("uscc"), k -> new TreeSet<>());
				if (rs.getString("track") != null) {
					held.add(rs.getString("track"));
				}
				return null;
			})
			.list();
		return tracks;
	}

	@Override
	public Optional<String> membershipSql() {
		return Optional.of(MEMBERSHIP);
	}

}
