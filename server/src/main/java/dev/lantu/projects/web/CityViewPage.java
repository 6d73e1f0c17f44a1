package dev.lantu.projects.web;

import static dev.lantu.projects.web.ProjectPageSupport.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.projects.DistrictTotal;
import dev.lantu.projects.InvestmentTotal;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.TrackShare;

/**
 * The city view: projects and investment by district on the map, investment by track, each track's share of
 * a district's signings. Every figure is over the projects the caller may see (a district officer's district's).
 */
@Controller
class CityViewPage {

	private final ProjectService projects;

	private final AtlasService atlas;

	private final MessageSource messages;

	private final Money money;

	private final ProjectPageSupport support;

	CityViewPage(ProjectService projects, AtlasService atlas, MessageSource messages, ProjectPageSupport support) {
		this.projects = projects;
		this.atlas = atlas;
		this.messages = messages;
		this.money = support.money();
		this.support = support;
	}

	/** A district on the city map: its totals and the words of its tooltip. */
	record DistrictRow(Region district, DistrictTotal total) {
	}

	/** A track's investment made, year by year (fen), and its total. */
	record TrackInvestment(TrackRef track, Map<Integer, Long> byYear, long totalFen) {
	}

	/** A track's share of the signings, in numbers and in words. */
	record ShareRow(TrackRef track, TrackShare share, String words, int percent) {
	}

	@GetMapping("/projects/city")
	String city(@RequestParam(required = false) String track, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String shareDistrict, @RequestParam(required = false) Integer shareYear,
			@RequestParam(defaultValue = "projects") String measure, Model model, Locale locale) {
		String trackId = blankToNull(track);
		// a district officer sees their district's projects only: the shares are of their district's signings
		String scope = projects.districtScope("see the city view of the projects");
		String sharesIn = blankToNull(shareDistrict) == null ? scope : blankToNull(shareDistrict);
		Region sharesRegion = sharesIn == null ? atlas.city() : atlas.district(sharesIn);
		String shownMeasure = List.of("projects", "planned", "invested").contains(measure) ? measure : "projects";
		ProjectFilter filter = new ProjectFilter(null, trackId, null, year, null, null);
		ProjectPageSupport.TrackIndex tracks = support.trackIndex(locale);
		Map<String, Region> districts = support.districtNames();

		List<DistrictRow> rows = projects.byDistrict(filter).stream()
			.map(t -> new DistrictRow(districts.get(t.districtCode()), t))
			.filter(r -> r.district() != null)
			.toList();
		long synthetic = rows.stream().mapToLong(r -> r.total().synthetic()).sum();

		// investment made, by track and year
		Map<String, Map<Integer, Long>> byTrack = new LinkedHashMap<>();
		Set<Integer> investmentYears = new TreeSet<>();
		for (InvestmentTotal t : projects.investmentBy("track", filter)) {
			byTrack.computeIfAbsent(t.group(), k -> new TreeMap<>()).merge(t.year(), t.amountFen(), Long::sum);
			investmentYears.add(t.year());
		}
		List<TrackInvestment> trackInvestment = byTrack.entrySet().stream()
			.map(e -> new TrackInvestment(tracks.ref(e.getKey()), e.getValue(),
					e.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.sorted(Comparator.comparingLong(TrackInvestment::totalFen).reversed())
			.toList();

		// the share of each track in a district's (or the city's) signings of a year
		List<Integer> years = support.signingYears();
		Integer sharesYear = shareYear != null ? shareYear : years.isEmpty() ? LocalDate.now().getYear() : years.get(0);
		List<TrackShare> shares = projects.trackShares(new ProjectFilter(sharesIn, null, null, null, null, null), sharesYear);
		List<ShareRow> shareRows = shares.stream()
			.map(s -> new ShareRow(tracks.ref(s.trackId()), s,
					shareSentence(sharesRegion, sharesYear, s, tracks.ref(s.trackId()), locale),
					(int) Math.round(100 * s.share())))
			.toList();
		long signed = shares.isEmpty() ? countSigned(sharesIn, sharesYear) : shares.get(0).of();

		model.addAttribute("city", atlas.city());
		model.addAttribute("rows", rows);
		model.addAttribute("synthetic", synthetic);
		model.addAttribute("mapData", mapData(rows, shownMeasure, locale));
		model.addAttribute("measure", shownMeasure);
		model.addAttribute("trackInvestment", trackInvestment);
		model.addAttribute("investmentYears", investmentYears);
		model.addAttribute("trackChart", trackChart(trackInvestment, locale));
		model.addAttribute("track", trackId);
		model.addAttribute("year", year);
		model.addAttribute("years", years);
		model.addAttribute("trackGroups", support.cityTrackGroups());
		model.addAttribute("districts",
				atlas.districts().stream().filter(d -> scope == null || d.code().equals(scope)).toList());
		model.addAttribute("shareDistrict", sharesIn);
		model.addAttribute("sharesRegion", sharesRegion);
		model.addAttribute("shareYear", sharesYear);
		model.addAttribute("shareRows", shareRows);
		model.addAttribute("signed", signed);
		return "projects/city";
	}

	private long countSigned(String districtCode, int year) {
		return projects.search(new ProjectFilter(districtCode, null, null, year, null, null), 0, 1).total();
	}

	/** "About a third of the 16 projects signed in Panyu District in 2025 (5) are in 智能网联与新能源汽车." */
	String shareSentence(Region region, int year, TrackShare share, TrackRef track, Locale locale) {
		String fraction = messages.getMessage("share.fraction." + fractionKey(share.projects(), share.of()),
				new Object[] { Math.round(100 * share.share()) }, locale);
		return messages.getMessage("share.sentence", new Object[] { region.name().in(locale), year, share.of(), fraction,
				share.projects(), track.name() }, locale);
	}

	/**
	 * The fraction people would say: exactly one of a few common ones, or "about" one when it is within three
	 * points of it, else "about n%" (2 of 7 is neither a quarter nor a third).
	 */
	static String fractionKey(long part, long whole) {
		if (whole <= 0 || part <= 0) {
			return "none";
		}
		if (part >= whole) {
			return "all";
		}
		long[][] fractions = { { 3, 4 }, { 2, 3 }, { 1, 2 }, { 2, 5 }, { 1, 3 }, { 1, 4 }, { 1, 5 }, { 1, 10 } };
		String[] names = { "threeQuarters", "twoThirds", "half", "twoFifths", "third", "quarter", "fifth", "tenth" };
		double share = (double) part / whole;
		int best = 0;
		for (int i = 1; i < fractions.length; i++) {
			if (Math.abs(share - (double) fractions[i][0] / fractions[i][1]) < Math.abs(
					share - (double) fractions[best][0] / fractions[best][1])) {
				best = i;
			}
		}
		if (part * fractions[best][1] == whole * fractions[best][0]) {
			return names[best] + ".exact";
		}
		if (Math.abs(share - (double) fractions[best][0] / fractions[best][1]) <= 0.03) {
			return names[best] + ".about";
		}
		return share < 0.05 ? "few" : "percent";
	}

	private Map<String, Object> mapData(List<DistrictRow> rows, String measure, Locale locale) {
		List<Map<String, Object>> districts = new ArrayList<>();
		for (DistrictRow row : rows) {
			DistrictTotal t = row.total();
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("code", t.districtCode());
			d.put("name", row.district().name().in(locale));
			d.put("value", switch (measure) {
				case "planned" -> Money.yi(t.plannedInvestmentFen());
				case "invested" -> Money.yi(t.investedFen());
				default -> t.projects();
			});
			List<String> lines = new ArrayList<>();
			lines.add(messages.getMessage("city.tooltip.projects", new Object[] { t.projects() }, locale));
			lines.add(messages.getMessage("city.tooltip.planned", new Object[] { money.brief(t.plannedInvestmentFen(), locale) },
					locale));
			lines.add(messages.getMessage("city.tooltip.invested", new Object[] { money.brief(t.investedFen(), locale) },
					locale));
			if (t.synthetic() > 0) {
				lines.add(messages.getMessage("city.tooltip.synthetic", new Object[] { t.synthetic() }, locale));
			}
			d.put("lines", lines);
			d.put("label", "planned".equals(measure) || "invested".equals(measure)
					? money.brief("planned".equals(measure) ? t.plannedInvestmentFen() : t.investedFen(), locale)
					: String.valueOf(t.projects()));
			districts.add(d);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("districts", districts);
		return data;
	}

	private Map<String, Object> trackChart(List<TrackInvestment> rows, Locale locale) {
		List<String> names = new ArrayList<>();
		List<java.math.BigDecimal> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (TrackInvestment row : rows) {
			names.add(row.track().name());
			values.add(Money.yi(row.totalFen()));
			labels.add(money.brief(row.totalFen(), locale));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", names);
		chart.put("values", values);
		chart.put("labels", labels);
		return chart;
	}

}
