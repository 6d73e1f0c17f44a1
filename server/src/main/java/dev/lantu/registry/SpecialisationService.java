package dev.lantu.registry;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.lantu.accounts.Access;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;

/**
 * Specialisation of the districts in the city's tracks from the stored classification: the district × track
 * matrix by enterprises, revenue or employment in a year, with location quotients and strong tracks (see
 * {@link Specialisation}). Two grouped queries, whatever the registry's size.
 */
@Service
public class SpecialisationService {

	private final JdbcClient jdbc;

	private final AtlasService atlas;

	SpecialisationService(JdbcClient jdbc, AtlasService atlas) {
		this.jdbc = jdbc;
		this.atlas = atlas;
	}

	/** The years that have the measure's figure, latest first; none for a count of enterprises. */
	public List<Integer> years(Specialisation.Measure measure) {
		requireOfficial();
		return measure.figure().map(f -> jdbc.sql("select distinct period_year from enterprise_figure where variable = ? "
				+ "order by period_year desc").param(f.variable()).query(Integer.class).list()).orElse(List.of());
	}

	/**
	 * The matrix. For revenue and employment, {@code year} (default: the latest with figures) must have figures;
	 * a count of enterprises counts the registry as it is and takes no year.
	 */
	public Specialisation matrix(Specialisation.Measure measure, Integer year, StrongTrackRule rule) {
		requireOfficial();
		List<Integer> years = years(measure);
		Integer chosen = null;
		if (measure.figure().isPresent()) {
			if (year != null && !years.contains(year)) {
				throw new RegistryInputException("year", String.valueOf(year), "a year with " + measure.label() + " figures"
						+ (years.isEmpty() ? "; the registry has none" : ", one of " + years));
			}
			chosen = year != null ? year : years.isEmpty() ? null : years.get(0);
		}
		else if (year != null) {
			throw new RegistryInputException("year", String.valueOf(year),
					"no year for measure=enterprises: it counts the registry as it is now");
		}
		List<Region> districts = atlas.districts();
		List<Specialisation.Name> tracks = atlas.citySystem(null).allTracks().stream()
			.map(t -> new Specialisation.Name(t.id(), t.name())).toList();
		Map<String, Map<String, Long>> values = new HashMap<>();
		Map<String, Long> totals = new LinkedHashMap<>();
		String figureJoin = " join enterprise_figure f on f.uscc = e.uscc and f.period_year = :year and f.variable = :variable";
		String amount = measure.figure().isPresent() ? "sum(f.amount)" : "count(*)";
		String join = measure.figure().isPresent() ? figureJoin : "";
		Map<String, Object> params = new HashMap<>();
		if (measure.figure().isPresent()) {
			params.put("year", chosen == null ? -1 : chosen);
			params.put("variable", measure.figure().get().variable());
		}
		jdbc.sql("select e.district_code, t.track_id, " + amount + " as v from enterprise_track t join enterprise e on e.uscc = t.uscc"
				+ join + " group by e.district_code, t.track_id").params(params)
			.query((rs, n) -> values.computeIfAbsent(rs.getString("district_code"), d -> new HashMap<>())
				.put(rs.getString("track_id"), number(rs.getBigDecimal("v"))))
			.list();
		jdbc.sql("select e.district_code, " + amount + " as v from enterprise e" + join + " group by e.district_code")
			.params(params)
			.query((rs, n) -> totals.put(rs.getString("district_code"), number(rs.getBigDecimal("v"))))
			.list();
		List<String> districtCodes = districts.stream().map(Region::code).toList();
		List<String> trackIds = tracks.stream().map(Specialisation.Name::id).toList();
		List<Specialisation.Cell> cells = Specialisation.cells(districtCodes, trackIds, values, totals, rule);
		Map<String, Long> trackTotals = new LinkedHashMap<>();
		cells.forEach(c -> trackTotals.merge(c.track(), c.value(), Long::sum));
		Map<String, Long> districtTotals = new LinkedHashMap<>();
		districtCodes.forEach(d -> districtTotals.put(d, totals.getOrDefault(d, 0L)));
		long synthetic = jdbc.sql("select count(*) from enterprise where synthetic = true").query(Long.class).single();
		return new Specialisation(measure, chosen, districts.stream().map(r -> new Specialisation.Name(r.code(), r.name())).toList(),
				tracks, cells, districtTotals, trackTotals, districtTotals.values().stream().mapToLong(Long::longValue).sum(), rule,
				synthetic, years);
	}

	/**
	 * The matrix sums every district's enterprises, revenue and employment: an aggregate of the whole registry, for
	 * officials (whose work compares districts); an enterprise user or a visitor may not read it.
	 */
	private static void requireOfficial() {
		Access.require(Access.caller().isOfficial(), "read the registry's specialisation");
	}

	private static long number(BigDecimal value) {
		return value == null ? 0 : value.longValueExact();
	}

}
