package dev.lantu.atlas.store;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import dev.lantu.atlas.Alignment;
import dev.lantu.atlas.HostingClaim;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Scope;
import dev.lantu.atlas.Segment;
import dev.lantu.atlas.Track;
import dev.lantu.atlas.definition.AtlasDefinition;
import dev.lantu.atlas.definition.AtlasReader;
import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetLoad;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;

/**
 * Writes the atlas part of a dataset and reads it back. Writes change only what changed: an equal
 * row is left as it is, a changed system definition becomes a new version.
 */
@Repository
public class AtlasRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AtlasRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void write(AtlasDefinition definition, DatasetLoad load) {
		for (Region region : definition.regions()) {
			upsert("atlas_region", Map.of("code", region.code()), columns(
					"level", region.level().name(), "parent_code", region.parentCode(), "name_zh", region.name().zh(),
					"name_en", region.name().en(), "note", region.note(), "boundary", definition.boundaries().get(region.code())),
					load);
		}
		for (IndicatorDefinition indicator : definition.indicators()) {
			upsert("atlas_indicator", Map.of("id", indicator.id()), columns("name_zh", indicator.name().zh(),
					"name_en", indicator.name().en(), "unit_zh", indicator.unit() == null ? null : indicator.unit().zh(),
					"unit_en", indicator.unit() == null ? null : indicator.unit().en()), load);
		}
		for (IndicatorValue value : definition.values()) {
			Provenance p = value.provenance();
			upsert("atlas_indicator_value",
					columns("region_code", value.regionCode(), "indicator", value.indicator(), "period_year", value.year()),
					columns("amount", value.value(), "published", value.value() == null ? null : value.value().toPlainString(),
							"qualifier", value.qualifier(), "sources", String.join(" ", p.sources()),
							"confidence", p.confidence() == null ? null : p.confidence().label(), "inferred", p.inferred(),
							"note", p.note()),
					load);
		}
		for (HostingClaim claim : definition.claims()) {
			Provenance p = claim.provenance();
			upsert("atlas_claim",
					columns("district_code", claim.districtCode(), "subject", claim.aboutLayer() ? claim.layerId() : claim.trackId()),
					columns("subject_kind", claim.aboutLayer() ? "layer" : "track", "claimed_count", claim.count(),
							"quote", claim.quote(), "sources", String.join(" ", p.sources()), "confidence",
							p.confidence().label(), "inferred", p.inferred(), "note", p.note()),
					load);
		}
		for (AtlasDefinition.SystemFile file : definition.systems()) {
			writeSystem(file, load);
		}
	}

	/** The fingerprint of a definition's content: formatting and comments do not make a new version. */
	static String fingerprint(IndustrialSystem system) {
		return DatasetDirectory.sha256(JSON.writeValueAsString(system.withVersion(0)));
	}

	private void writeSystem(AtlasDefinition.SystemFile file, DatasetLoad load) {
		IndustrialSystem system = file.system();
		String fingerprint = fingerprint(system);
		Optional<Map<String, Object>> latest = jdbc
			.sql("select version, fingerprint from atlas_system where id = ? order by version desc fetch first 1 rows only")
			.param(system.id())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (latest.isPresent() && fingerprint.equals(latest.get().get("fingerprint"))) {
			return;
		}
		int version = latest.map(row -> ((Number) row.get("version")).intValue() + 1).orElse(1);
		jdbc.sql("""
				insert into atlas_system (id, version, scope, region_code, code, name_zh, name_en, effective, fingerprint,
				    source_file, source_text, load_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(system.id(), version, system.scope().name(), system.regionCode(), system.code(), system.name().zh(),
					system.name().en(), Date.valueOf(system.effective()), fingerprint, file.file(), file.text(), load.id())
			.update();
		for (Segment segment : system.segments()) {
			for (Layer top : segment.layers()) {
				top.selfAndDescendants().forEach(layer -> {
					for (Track track : layer.tracks()) {
						jdbc.sql("""
								insert into atlas_track (system_id, system_version, track_id, layer_id, segment_number, name_zh,
								    name_en, confidence) values (?, ?, ?, ?, ?, ?, ?, ?)""")
							.params(system.id(), version, track.id(), layer.id(), segment.number(), track.name().zh(),
									track.name().en(), track.provenance().confidence().label())
							.update();
						Alignment alignment = track.alignment();
						if (alignment != null) {
							for (String cityTrack : alignment.cityTracks()) {
								jdbc.sql("insert into atlas_alignment (system_id, system_version, track_id, city_track_id) values (?, ?, ?, ?)")
									.params(system.id(), version, track.id(), cityTrack)
									.update();
							}
						}
					}
				});
			}
		}
	}

	private static Map<String, Object> columns(Object... namesAndValues) {
		Map<String, Object> columns = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return columns;
	}

	/**
	 * Inserts the row, or updates it where a value differs. An equal row is not touched, so it keeps
	 * the load that wrote it.
	 */
	private void upsert(String table, Map<String, Object> key, Map<String, Object> values, DatasetLoad load) {
		String where = String.join(" and ", key.keySet().stream().map(k -> k + " = ?").toList());
		List<Object> params = new ArrayList<>(values.values());
		params.add(load.id());
		params.addAll(key.values());
		params.addAll(values.values());
		String changed = String.join(" or ", values.keySet().stream().map(c -> c + " is distinct from ?").toList());
		String set = String.join(", ", values.keySet().stream().map(c -> c + " = ?").toList());
		int updated = jdbc.sql("update " + table + " set " + set + ", load_id = ? where " + where + " and (" + changed + ")")
			.params(params)
			.update();
		if (updated > 0) {
			return;
		}
		boolean exists = jdbc.sql("select count(*) from " + table + " where " + where)
			.params(new ArrayList<>(key.values()))
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			Map<String, Object> row = new LinkedHashMap<>(key);
			row.putAll(values);
			row.put("load_id", load.id());
			String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
			jdbc.sql("insert into " + table + " (" + String.join(", ", row.keySet()) + ") values (" + marks + ")")
				.params(new ArrayList<>(row.values()))
				.update();
		}
	}

	Optional<Long> lastLoadId() {
		return jdbc.sql("select max(id) from dataset_load").query(Long.class).optional();
	}

	AtlasSnapshot read(long loadId) {
		List<Region> regions = new ArrayList<>();
		Map<String, String> boundaries = new LinkedHashMap<>();
		jdbc.sql("select code, level, parent_code, name_zh, name_en, note, boundary from atlas_region order by code")
			.query(rs -> {
				regions.add(new Region(rs.getString("code"), Scope.valueOf(rs.getString("level")), rs.getString("parent_code"),
						new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")), rs.getString("note")));
				String boundary = rs.getString("boundary");
				if (boundary != null) {
					boundaries.put(rs.getString("code"), boundary);
				}
			});
		List<AtlasSnapshot.StoredSystem> systems = jdbc
			.sql("""
					select s.id, s.version, s.source_file, s.source_text, s.fingerprint, l.loaded_at
					from atlas_system s join dataset_load l on l.id = s.load_id order by s.id, s.version""")
			.query((rs, i) -> {
				IndustrialSystem system = reread(rs.getString("source_file"), rs.getString("source_text"))
					.withVersion(rs.getInt("version"));
				return new AtlasSnapshot.StoredSystem(system, rs.getString("source_file"), rs.getString("source_text"),
						rs.getString("fingerprint"), rs.getObject("loaded_at", OffsetDateTime.class));
			})
			.list();
		List<HostingClaim> claims = jdbc
			.sql("select * from atlas_claim order by district_code, subject")
			.query((rs, i) -> {
				boolean layer = "layer".equals(rs.getString("subject_kind"));
				return new HostingClaim(rs.getString("district_code"), layer ? rs.getString("subject") : null,
						layer ? null : rs.getString("subject"), (Integer) rs.getObject("claimed_count"),
						rs.getString("quote"), provenance(rs.getString("sources"), rs.getString("confidence"),
								rs.getBoolean("inferred"), rs.getString("note")));
			})
			.list();
		List<IndicatorDefinition> indicators = jdbc.sql("select * from atlas_indicator order by id")
			.query((rs, i) -> new IndicatorDefinition(rs.getString("id"),
					new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
					rs.getString("unit_zh") == null ? null : new LocalizedText(rs.getString("unit_zh"), rs.getString("unit_en"))))
			.list();
		List<IndicatorValue> values = jdbc.sql("select * from atlas_indicator_value order by region_code, indicator, period_year")
			.query((rs, i) -> new IndicatorValue(rs.getString("region_code"), rs.getString("indicator"), rs.getInt("period_year"),
					rs.getString("published") == null ? null : new BigDecimal(rs.getString("published")),
					rs.getString("qualifier"), provenance(rs.getString("sources"), rs.getString("confidence"),
							rs.getBoolean("inferred"), rs.getString("note"))))
			.list();
		return new AtlasSnapshot(loadId, List.copyOf(regions), Map.copyOf(boundaries), systems, claims, indicators, values);
	}

	private static Provenance provenance(String sources, String confidence, boolean inferred, String note) {
		List<String> ids = sources == null || sources.isBlank() ? List.of() : List.of(sources.split(" "));
		return new Provenance(ids, confidence == null ? null : Confidence.parse(confidence).orElse(null), inferred, note);
	}

	/** A stored definition was valid when written; reading it again gives the same system. */
	private static IndustrialSystem reread(String file, String text) {
		return new AtlasReader(new DatasetReading()).readSystem(file, text)
			.orElseThrow(() -> new IllegalStateException("stored system " + file + " no longer reads"));
	}

}
