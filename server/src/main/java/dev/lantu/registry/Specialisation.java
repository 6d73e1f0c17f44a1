package dev.lantu.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lantu.dataset.LocalizedText;

/**
 * Districts × city tracks by one measure (enterprises, revenue or employment) with each cell's location
 * quotient LQ = (e_dt / e_d) / (e_t / e): e_dt the measure of the district's enterprises in the track, e_d of
 * all the district's enterprises, e_t of the track's enterprises in the whole city, e of all. An enterprise in
 * two tracks counts in both, as overlapping cluster definitions do; e_d and e count it once. A "strong" cell
 * follows the {@link StrongTrackRule}. Revenue is in fen; LQ is unknown (null) where a denominator is zero.
 */
public record Specialisation(Measure measure, Integer year, List<Name> districts, List<Name> tracks, List<Cell> cells,
		Map<String, Long> districtTotals, Map<String, Long> trackTotals, long total, StrongTrackRule rule,
		long syntheticEnterprises, List<Integer> years) {

	public Specialisation {
		districts = List.copyOf(districts);
		tracks = List.copyOf(tracks);
		cells = List.copyOf(cells);
		districtTotals = Map.copyOf(districtTotals);
		trackTotals = Map.copyOf(trackTotals);
		years = List.copyOf(years);
	}

	/** What is counted: enterprises, revenue (fen, a yearly figure) or employees (a yearly figure). */
	public enum Measure {

		ENTERPRISES(null), REVENUE(Figure.REVENUE), EMPLOYMENT(Figure.EMPLOYEES);

		private final Figure figure;

		Measure(Figure figure) {
			this.figure = figure;
		}

		/** The yearly figure summed, or empty for a count of enterprises. */
		public Optional<Figure> figure() {
			return Optional.ofNullable(figure);
		}

		public static Optional<Measure> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			return switch (text.strip().toLowerCase()) {
				case "enterprises", "count" -> Optional.of(ENTERPRISES);
				case "revenue" -> Optional.of(REVENUE);
				case "employment", "employees" -> Optional.of(EMPLOYMENT);
				default -> Optional.empty();
			};
		}

		public String label() {
			return name().toLowerCase();
		}

	}

	/** A district or track with its name. */
	public record Name(String id, LocalizedText name) {
	}

	/**
	 * One district and track: the measure, the LQ (null when unknown), the district's share of the track's city
	 * total, the district's rank by LQ among the districts with one (1 = most specialised, ties share a rank), and
	 * whether the cell is a strong track.
	 */
	public record Cell(String district, String track, long value, Double lq, double shareOfTrack, Integer rank, boolean strong) {
	}

	/** The cell of a district and track. */
	public Optional<Cell> cell(String district, String track) {
		return cells.stream().filter(c -> c.district().equals(district) && c.track().equals(track)).findFirst();
	}

	public boolean synthetic() {
		return syntheticEnterprises > 0;
	}

	/**
	 * Computes the cells: {@code values} holds e_dt by district and track (absent is 0), {@code totals} e_d by
	 * district. Arithmetic in double: LQ is a ratio of ratios, never money.
	 */
	public static List<Cell> cells(List<String> districts, List<String> tracks, Map<String, Map<String, Long>> values,
			Map<String, Long> totals, StrongTrackRule rule) {
		long total = districts.stream().mapToLong(d -> totals.getOrDefault(d, 0L)).sum();
		List<Cell> cells = new ArrayList<>();
		for (String track : tracks) {
			long trackTotal = districts.stream().mapToLong(d -> value(values, d, track)).sum();
			Map<String, Double> lqs = new HashMap<>();
			for (String district : districts) {
				long districtTotal = totals.getOrDefault(district, 0L);
				if (districtTotal > 0 && trackTotal > 0 && total > 0) {
					double lq = ((double) value(values, district, track) / districtTotal) / ((double) trackTotal / total);
					lqs.put(district, lq);
				}
			}
			List<Double> ranked = lqs.values().stream().sorted(Comparator.reverseOrder()).toList();
			int quartile = rule.topRanks(lqs.size());
			for (String district : districts) {
				long value = value(values, district, track);
				Double lq = lqs.get(district);
				Integer rank = lq == null ? null : ranked.indexOf(lq) + 1;
				double share = trackTotal == 0 ? 0 : (double) value / trackTotal;
				boolean strong = lq != null && lq > rule.minLq() && rank <= quartile && share >= rule.minShare()
						&& value > 0;
				cells.add(new Cell(district, track, value, lq, share, rank, strong));
			}
		}
		return cells;
	}

	private static long value(Map<String, Map<String, Long>> values, String district, String track) {
		return values.getOrDefault(district, Map.of()).getOrDefault(track, 0L);
	}

}
