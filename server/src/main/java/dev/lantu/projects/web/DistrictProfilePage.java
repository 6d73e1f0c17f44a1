package dev.lantu.projects.web;

import static dev.lantu.projects.web.ProjectPageSupport.funnelRows;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.lantu.accounts.Access;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorReading;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Region;
import dev.lantu.dataset.SourceCatalogue;
import dev.lantu.projects.InvestmentTotal;
import dev.lantu.projects.PipelineBoard;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.TargetService;
import dev.lantu.projects.TargetStatus;

/**
 * A district's profile: its system, targets, indicators and pipeline in one place, for the district's officers
 * and the administrator.
 */
@Controller
class DistrictProfilePage {

	private final ProjectService projects;

	private final TargetService targets;

	private final AtlasService atlas;

	private final SourceCatalogue sources;

	private final ProjectPageSupport support;

	DistrictProfilePage(ProjectService projects, TargetService targets, AtlasService atlas,
			SourceCatalogue sources, ProjectPageSupport support) {
		this.projects = projects;
		this.targets = targets;
		this.atlas = atlas;
		this.sources = sources;
		this.support = support;
	}

	/** An indicator value with its definition. */

	/** A target with the definition of its indicator (for the unit). */
	record TargetRow(TargetStatus status, IndicatorDefinition indicator, String explanation) {

		/** How the target compares, as its message key says it: over, about, at least. */
		public String comparison() {
			return switch (status.target().comparison()) {
				case ">" -> "over";
				case "~" -> "about";
				default -> "atLeast";
			};
		}

	}

	@GetMapping("/districts/{code}/profile")
	String profile(@PathVariable String code, Model model, Locale locale) {
		Region district = atlas.district(code);
		// the profile is the district's officers' and the administrator's: its pipeline and targets are theirs
		Access.require(Access.caller().managesDistrict(code), "see the profile of district " + code);
		Optional<IndustrialSystem> system = atlas.systemOf(code, null);
		Map<String, IndicatorDefinition> definitions = atlas.indicatorDefinitions().stream()
			.collect(Collectors.toMap(IndicatorDefinition::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<IndicatorReading> indicators = atlas.readings(code);
		List<TargetRow> targetRows = targets.all(code).stream()
			.map(t -> new TargetRow(t, definitions.get(t.target().indicator()), support.say(t, locale)))
			.toList();
		ProjectFilter filter = new ProjectFilter(code, null, null, null, null, null);
		PipelineBoard board = projects.board(filter);
		ProjectService.Page latest = projects.search(filter, 0, 10);
		ProjectPageSupport.TrackIndex tracks = support.trackIndex(locale);
		LocalDate today = LocalDate.now();
		Set<Long> stalledIds = board.stalled().stream().map(PipelineBoard.StalledProject::id).collect(Collectors.toSet());

		Set<String> cited = new LinkedHashSet<>();
		system.ifPresent(s -> cited.addAll(s.provenance().sources()));
		indicators.forEach(i -> cited.addAll(i.value().provenance().sources()));
		targetRows.forEach(t -> cited.addAll(t.status().target().provenance().sources()));

		model.addAttribute("district", district);
		model.addAttribute("districtNames", support.districtNames());
		model.addAttribute("system", system.orElse(null));
		model.addAttribute("indicators", indicators);
		model.addAttribute("targets", targetRows);
		model.addAttribute("funnel", funnelRows(board));
		model.addAttribute("stalledCount", board.stalled().size());
		model.addAttribute("latest", latest.projects().stream()
			.map(p -> new ProjectRow(p, p.daysInStage(today), stalledIds.contains(p.id()), tracks.refs(p.trackIds())))
			.toList());
		model.addAttribute("total", latest.total());
		model.addAttribute("signings", projects.signings(filter).stream()
			.sorted(Comparator.comparingInt(InvestmentTotal::year).reversed()).toList());
		model.addAttribute("synthetic", support.countSynthetic(filter));
		model.addAttribute("sources", sources.byIds(cited));
		return "projects/profile";
	}

}
