package dev.lantu.registry.classification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.lantu.dataset.Confidence;
import dev.lantu.registry.ClassificationRuleSet;
import dev.lantu.registry.Classifier;
import dev.lantu.registry.Reclassification;
import dev.lantu.registry.RuleKind;
import dev.lantu.registry.TrackAssignment;

/**
 * The classification's tables in plain SQL that PostgreSQL and H2 both run: rule sets, the tracks of each
 * enterprise, which rules and which enterprise version they came from, and previews. Enterprises are read
 * in USCC order one batch at a time (keyset), so no pass holds more than a batch.
 */
@Repository
public class ClassificationRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ClassificationRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** An enterprise as a classification pass reads it: what the classifier needs and the version it had. */
	public record Candidate(Classifier.Subject subject, int version, Integer classifiedVersion) {

		public String uscc() {
			return subject.uscc();
		}

	}

	// ---- rule sets

	public long insertRuleSet(ClassificationRuleSet.Origin origin, Long loadId, String fingerprint, String text,
			ClassificationRuleSet.Status status, String actor, OffsetDateTime now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into classification_rule_set (origin, load_id, fingerprint, source_text, status, created_by, created_at, "
				+ "applied_by, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(origin.name(), loadId, fingerprint, text, status.name(), actor, now,
					status == ClassificationRuleSet.Status.APPLIED ? actor : null,
					status == ClassificationRuleSet.Status.APPLIED ? now : null)
			.update(key, "id");
		return key.getKey().longValue();
	}

	private static ClassificationRuleSet ruleSet(ResultSet rs, int row) throws SQLException {
		return new ClassificationRuleSet(rs.getLong("id"), ClassificationRuleSet.Origin.valueOf(rs.getString("origin")),
				ClassificationRuleSet.Status.valueOf(rs.getString("status")), rs.getString("fingerprint"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("previewed_at", OffsetDateTime.class), rs.getString("applied_by"),
				rs.getObject("applied_at", OffsetDateTime.class));
	}

	private static final String RULE_SET_COLUMNS = "id, origin, status, fingerprint, created_by, created_at, previewed_at, "
			+ "applied_by, applied_at";

	public Optional<ClassificationRuleSet> ruleSet(long id) {
		return jdbc.sql("select " + RULE_SET_COLUMNS + " from classification_rule_set where id = ?").param(id)
			.query(ClassificationRepository::ruleSet).optional();
	}

	public List<ClassificationRuleSet> ruleSets() {
		return jdbc.sql("select " + RULE_SET_COLUMNS + " from classification_rule_set order by id desc")
			.query(ClassificationRepository::ruleSet).list();
	}

	public Optional<ClassificationRuleSet> applied() {
		return jdbc.sql("select " + RULE_SET_COLUMNS + " from classification_rule_set where status = 'APPLIED'")
			.query(ClassificationRepository::ruleSet).optional();
	}

	public Optional<ClassificationRuleSet> latestFromDataset() {
		return jdbc.sql("select " + RULE_SET_COLUMNS + " from classification_rule_set where origin = 'DATASET' "
				+ "order by id desc fetch first 1 rows only").query(ClassificationRepository::ruleSet).optional();
	}

	public String sourceText(long id) {
		return jdbc.sql("select source_text from classification_rule_set where id = ?").param(id).query(String.class).single();
	}

	/** Locks the rule set's row until the transaction ends: one application or catch-up at a time, on any node. */
	public void lock(long id) {
		jdbc.sql("select id from classification_rule_set where id = ? for update").param(id).query(Long.class).single();
	}

	public void supersedePendingFromDataset(long except) {
		jdbc.sql("update classification_rule_set set status = 'SUPERSEDED' where origin = 'DATASET' and status = 'PENDING' "
				+ "and id <> ?").param(except).update();
	}

	public void markApplied(long id, String actor, OffsetDateTime now) {
		jdbc.sql("update classification_rule_set set status = 'SUPERSEDED' where status = 'APPLIED' and id <> ?").param(id).update();
		jdbc.sql("update classification_rule_set set status = 'APPLIED', applied_by = ?, applied_at = ? where id = ?")
			.params(actor, now, id).update();
	}

	public void markDiscarded(long id) {
		jdbc.sql("update classification_rule_set set status = 'DISCARDED' where id = ?").param(id).update();
	}

	/**
	 * The state a preview depends on: the enterprises and their latest change, the classifications stored,
	 * the latest dataset load (the atlas's alignment) and the applied rules.
	 */
	public String stamp() {
		String enterprises = jdbc.sql("select count(*) || '/' || coalesce(cast(max(updated_at) as varchar), '-') from enterprise")
			.query(String.class).single();
		String classified = jdbc.sql("select count(*) || '/' || coalesce(cast(max(classified_at) as varchar), '-') "
				+ "from enterprise_classification").query(String.class).single();
		String load = jdbc.sql("select coalesce(cast(max(id) as varchar), '-') from dataset_load").query(String.class).single();
		String applied = applied().map(r -> String.valueOf(r.id())).orElse("-");
		return "e" + enterprises + " c" + classified + " l" + load + " r" + applied;
	}

	// ---- previews

	public void clearPreview(long ruleSetId) {
		jdbc.sql("delete from classification_preview_change where rule_set_id = ?").param(ruleSetId).update();
		jdbc.sql("delete from classification_preview_track where rule_set_id = ?").param(ruleSetId).update();
		jdbc.sql("delete from classification_preview_flow where rule_set_id = ?").param(ruleSetId).update();
	}

	public void insertPreviewChanges(long ruleSetId, List<Reclassification.Change> changes) {
		template.batchUpdate("insert into classification_preview_change (rule_set_id, uscc, removed, added) values (?, ?, ?, ?)",
				changes.stream().map(c -> new Object[] { ruleSetId, c.uscc(), String.join(" ", c.removed()),
						String.join(" ", c.added()) }).toList());
	}

	public void savePreview(long ruleSetId, String stamp, long examined, long changed, List<Reclassification.TrackChange> tracks,
			List<Reclassification.Flow> flows, OffsetDateTime now) {
		template.batchUpdate("insert into classification_preview_track (rule_set_id, track_id, before_count, after_count, gained, "
				+ "lost) values (?, ?, ?, ?, ?, ?)", tracks.stream().map(t -> new Object[] { ruleSetId, t.trackId(), t.before(),
						t.after(), t.gained(), t.lost() }).toList());
		template.batchUpdate("insert into classification_preview_flow (rule_set_id, from_track, to_track, enterprises) "
				+ "values (?, ?, ?, ?)", flows.stream().map(f -> new Object[] { ruleSetId, f.from(), f.to(), f.enterprises() })
					.toList());
		jdbc.sql("update classification_rule_set set previewed_at = ?, preview_stamp = ?, preview_examined = ?, preview_changed = ? "
				+ "where id = ?").params(now, stamp, examined, changed, ruleSetId).update();
	}

	/** The stored preview of a rule set, with whether it still holds for the stamp given. */
	public Optional<Reclassification> preview(long ruleSetId, String currentStamp) {
		record Head(ClassificationRuleSet.Status status, OffsetDateTime at, String stamp, long examined, long changed) {
		}
		Optional<Head> head = jdbc.sql("select status, previewed_at, preview_stamp, preview_examined, preview_changed "
				+ "from classification_rule_set where id = ? and previewed_at is not null").param(ruleSetId)
			.query((rs, n) -> new Head(ClassificationRuleSet.Status.valueOf(rs.getString("status")),
					rs.getObject("previewed_at", OffsetDateTime.class), rs.getString("preview_stamp"), rs.getLong("preview_examined"),
					rs.getLong("preview_changed")))
			.optional();
		return head.map(h -> new Reclassification(ruleSetId, h.status(), h.at(), h.examined(), h.changed(),
				jdbc.sql("select * from classification_preview_track where rule_set_id = ? order by track_id").param(ruleSetId)
					.query((rs, n) -> new Reclassification.TrackChange(rs.getString("track_id"), rs.getLong("before_count"),
							rs.getLong("after_count"), rs.getLong("gained"), rs.getLong("lost")))
					.list(),
				jdbc.sql("select * from classification_preview_flow where rule_set_id = ? order by enterprises desc, from_track, "
						+ "to_track").param(ruleSetId)
					.query((rs, n) -> new Reclassification.Flow(rs.getString("from_track"), rs.getString("to_track"),
							rs.getLong("enterprises")))
					.list(),
				h.stamp().equals(currentStamp)));
	}

	/** A page of the enterprises a preview moves, by USCC; with a track, only those that gain or lose it. */
	public List<Reclassification.Change> previewChanges(long ruleSetId, String track, int page, int size) {
		String filter = track == null ? "" : " and (' ' || p.removed || ' ' like :track or ' ' || p.added || ' ' like :track)";
		JdbcClient.StatementSpec sql = jdbc.sql("select p.uscc, p.removed, p.added, e.name, e.district_code "
				+ "from classification_preview_change p join enterprise e on e.uscc = p.uscc where p.rule_set_id = :id" + filter
				+ " order by p.uscc limit :limit offset :offset")
			.param("id", ruleSetId).param("limit", size).param("offset", (long) page * size);
		if (track != null) {
			sql = sql.param("track", "% " + track + " %");
		}
		return sql.query((rs, n) -> new Reclassification.Change(rs.getString("uscc"), rs.getString("name"),
				rs.getString("district_code"), split(rs.getString("removed")), split(rs.getString("added")))).list();
	}

	public long countPreviewChanges(long ruleSetId, String track) {
		String filter = track == null ? "" : " and (' ' || removed || ' ' like :track or ' ' || added || ' ' like :track)";
		JdbcClient.StatementSpec sql = jdbc.sql("select count(*) from classification_preview_change where rule_set_id = :id"
				+ filter).param("id", ruleSetId);
		if (track != null) {
			sql = sql.param("track", "% " + track + " %");
		}
		return sql.query(Long.class).single();
	}

	private static List<String> split(String ids) {
		return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.strip().split(" "));
	}

	// ---- enterprises and their tracks

	/**
	 * The next batch of enterprises after {@code after} in USCC order, each with the enterprise version its tracks
	 * were computed from. Two range scans of primary keys rather than a join, so each batch costs the same on
	 * PostgreSQL and H2 however far into the registry it is.
	 */
	public List<Candidate> batch(String after, int size) {
		List<Object[]> rows = jdbc.sql("select uscc, name, district_code, industry_code, business_scope, version from enterprise "
				+ "where uscc > ? order by uscc fetch first " + size + " rows only")
			.param(after == null ? "" : after)
			.query((rs, n) -> new Object[] { new Classifier.Subject(rs.getString("uscc"), rs.getString("district_code"),
					rs.getString("industry_code"), rs.getString("name"), rs.getString("business_scope")), rs.getInt("version") })
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, Integer> classified = new HashMap<>();
		jdbc.sql("select uscc, enterprise_version from enterprise_classification where uscc >= ? and uscc <= ?")
			.params(((Classifier.Subject) rows.get(0)[0]).uscc(), ((Classifier.Subject) rows.get(rows.size() - 1)[0]).uscc())
			.query((rs, n) -> classified.put(rs.getString("uscc"), rs.getInt("enterprise_version")))
			.list();
		List<Candidate> batch = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			Classifier.Subject subject = (Classifier.Subject) row[0];
			batch.add(new Candidate(subject, (Integer) row[1], classified.get(subject.uscc())));
		}
		return batch;
	}

	/** True when the enterprise was never classified or changed since. */
	public static boolean stale(Candidate candidate) {
		return candidate.classifiedVersion() == null || candidate.classifiedVersion() != candidate.version();
	}

	/** The enterprise's district, if the registry has it. */
	public java.util.Optional<String> districtOf(String uscc) {
		return jdbc.sql("select district_code from enterprise where uscc = ?").param(uscc).query(String.class).optional();
	}

	public boolean enterpriseExists(String uscc) {
		return jdbc.sql("select count(*) from enterprise where uscc = ?").param(uscc).query(Long.class).single() > 0;
	}

	public long countStale() {
		return jdbc.sql("select count(*) from enterprise e left join enterprise_classification c on c.uscc = e.uscc "
				+ "where c.uscc is null or c.enterprise_version <> e.version").query(Long.class).single();
	}

	private static TrackAssignment assignment(ResultSet rs) throws SQLException {
		return new TrackAssignment(rs.getString("track_id"), RuleKind.valueOf(rs.getString("kind")), rs.getString("matched"),
				rs.getString("officer"), rs.getString("reason"), Confidence.valueOf(rs.getString("confidence")));
	}

	/** The stored tracks of the enterprises from {@code first} to {@code last} (USCC order), by enterprise. */
	public Map<String, List<TrackAssignment>> tracksBetween(String first, String last) {
		Map<String, List<TrackAssignment>> tracks = new HashMap<>();
		jdbc.sql("select * from enterprise_track where uscc >= ? and uscc <= ?").params(first, last)
			.query((rs, n) -> tracks.computeIfAbsent(rs.getString("uscc"), u -> new ArrayList<>()).add(assignment(rs)))
			.list();
		return tracks;
	}

	public Map<String, List<TrackAssignment>> tracksOf(Collection<String> usccs) {
		Map<String, List<TrackAssignment>> tracks = new LinkedHashMap<>();
		if (usccs.isEmpty()) {
			return tracks;
		}
		jdbc.sql("select * from enterprise_track where uscc in (:usccs) order by uscc, track_id").param("usccs", usccs)
			.query((rs, n) -> tracks.computeIfAbsent(rs.getString("uscc"), u -> new ArrayList<>()).add(assignment(rs)))
			.list();
		return tracks;
	}

	/** Replaces the tracks of these enterprises. */
	public void replaceTracks(Map<String, List<TrackAssignment>> tracks) {
		if (tracks.isEmpty()) {
			return;
		}
		template.batchUpdate("delete from enterprise_track where uscc = ?",
				tracks.keySet().stream().map(u -> new Object[] { u }).toList());
		insertTracks(tracks);
	}

	private static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	/** Writes the tracks of enterprises that have none stored. */
	public void insertTracks(Map<String, List<TrackAssignment>> tracks) {
		List<Object[]> rows = new ArrayList<>();
		// typed nulls: an untyped null makes the driver ask the database for the parameter's type, row by row
		tracks.forEach((uscc, assignments) -> assignments.forEach(a -> rows.add(new Object[] { uscc, a.trackId(),
				a.kind().name(), text(a.matched()), text(a.officer()), text(a.reason()), a.confidence().name() })));
		template.batchUpdate("insert into enterprise_track (uscc, track_id, kind, matched, officer, reason, confidence) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/**
	 * Records which rules and enterprise version the tracks of the enterprises new or changed since their
	 * last classification now follow; the others are left for {@link #markAllClassifiedBy}.
	 */
	public void markClassified(List<Candidate> candidates, long ruleSetId, OffsetDateTime now) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Candidate c : candidates) {
			if (c.classifiedVersion() == null) {
				inserts.add(new Object[] { c.uscc(), ruleSetId, c.version(), now });
			}
			else if (c.classifiedVersion() != c.version()) {
				updates.add(new Object[] { ruleSetId, c.version(), now, c.uscc() });
			}
		}
		template.batchUpdate("insert into enterprise_classification (uscc, rule_set_id, enterprise_version, classified_at) "
				+ "values (?, ?, ?, ?)", inserts);
		template.batchUpdate("update enterprise_classification set rule_set_id = ?, enterprise_version = ?, classified_at = ? "
				+ "where uscc = ?", updates);
	}

	/** After a whole pass: every classification follows the rule set now (one statement, not one per enterprise). */
	public void markAllClassifiedBy(long ruleSetId, OffsetDateTime now) {
		jdbc.sql("update enterprise_classification set rule_set_id = ?, classified_at = ? where rule_set_id <> ?")
			.params(ruleSetId, now, ruleSetId).update();
	}

	/** Per track and kind, how many enterprises the stored classification puts there. */
	public List<Object[]> countsByTrackAndKind() {
		return jdbc.sql("select track_id, kind, count(*) as n from enterprise_track group by track_id, kind order by track_id, kind")
			.query((rs, n) -> new Object[] { rs.getString("track_id"), rs.getString("kind"), rs.getLong("n") }).list();
	}

	public long countClassified() {
		return jdbc.sql("select count(distinct uscc) from enterprise_track").query(Long.class).single();
	}

}
