package dev.lantu.projects.web;

import static dev.lantu.projects.web.ProjectPageSupport.PAGE_SIZE;
import static dev.lantu.projects.web.ProjectPageSupport.blankToNull;
import static dev.lantu.projects.web.ProjectPageSupport.funnelRows;
import static dev.lantu.projects.web.ProjectPageSupport.listUrl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lantu.atlas.AtlasService;
import dev.lantu.projects.PipelineBoard;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectService;

/**
 * The pipeline board (看板): the funnel by stage, the list with each project's stage and days in it, stalled
 * projects. A district officer's are their district's.
 */
@Controller
class PipelineBoardPage {

	private final ProjectService projects;

	private final AtlasService atlas;

	private final MessageSource messages;

	private final Money money;

	private final ProjectPageSupport support;

	PipelineBoardPage(ProjectService projects, AtlasService atlas, MessageSource messages, ProjectPageSupport support) {
		this.projects = projects;
		this.atlas = atlas;
		this.messages = messages;
		this.money = support.money();
		this.support = support;
	}

	/** A link to another page of the list. */
	record PageLink(int page, String href, boolean current) {
	}

	@GetMapping("/projects")
	String board(@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		// a district officer's board is their district's (the service filters to it whatever is asked)
		String scope = projects.districtScope("see the pipeline board");
		String districtCode = blankToNull(district) == null ? scope : blankToNull(district);
		if (districtCode != null) {
			atlas.district(districtCode);
		}
		ProjectFilter filter = new ProjectFilter(districtCode, blankToNull(track), null, year, blankToNull(q), null);
		PipelineBoard board = projects.board(filter);
		ProjectService.Page found = projects.search(filter, page, PAGE_SIZE);
		ProjectPageSupport.TrackIndex tracks = support.trackIndex(locale);
		Set<Long> stalledIds = board.stalled().stream().map(PipelineBoard.StalledProject::id).collect(Collectors.toSet());
		LocalDate today = LocalDate.now();
		List<ProjectRow> rows = found.projects().stream()
			.map(p -> new ProjectRow(p, p.daysInStage(today), stalledIds.contains(p.id()), tracks.refs(p.trackIds())))
			.toList();
		long synthetic = support.countSynthetic(filter);

		model.addAttribute("filter", filter);
		model.addAttribute("q", filter.text());
		model.addAttribute("districts",
				atlas.districts().stream().filter(d -> scope == null || d.code().equals(scope)).toList());
		model.addAttribute("districtNames", support.districtNames());
		model.addAttribute("trackGroups", support.cityTrackGroups());
		model.addAttribute("years", support.signingYears());
		model.addAttribute("funnel", funnelRows(board));
		model.addAttribute("funnelChart", funnelChart(board, locale));
		model.addAttribute("stalled", board.stalled());
		model.addAttribute("rows", rows);
		model.addAttribute("total", found.total());
		model.addAttribute("pages", pageLinks(filter, found));
		model.addAttribute("page", found.page());
		model.addAttribute("pageCount", pageCount(found));
		model.addAttribute("synthetic", synthetic);
		for (String format : List.of("csv", "xlsx")) {
			model.addAttribute("export" + (format.equals("csv") ? "Csv" : "Xlsx"),
					listUrl("/api/v1/projects/export", filter).queryParam("format", format).build().toUriString());
		}
		return "projects/board";
	}

	/** The funnel for the chart: stages in pipeline order, counts, and the investment as words. */
	private Map<String, Object> funnelChart(PipelineBoard board, Locale locale) {
		List<String> stages = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (PipelineBoard.StageTotal total : board.funnel()) {
			stages.add(support.message("stage." + total.stage().name(), locale));
			counts.add(total.projects());
			labels.add(messages.getMessage("board.chart.label", new Object[] { total.projects(),
					money.brief(total.plannedInvestmentFen(), locale) }, locale));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", stages);
		chart.put("values", counts);
		chart.put("labels", labels);
		return chart;
	}

	private List<PageLink> pageLinks(ProjectFilter filter, ProjectService.Page found) {
		int count = pageCount(found);
		List<PageLink> links = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (i == 0 || i == count - 1 || Math.abs(i - found.page()) <= 2) {
				links.add(new PageLink(i, listUrl("/projects", filter).queryParam("page", i).build().toUriString(),
						i == found.page()));
			}
		}
		return links;
	}

	private static int pageCount(ProjectService.Page found) {
		return (int) Math.max(1, (found.total() + found.size() - 1) / found.size());
	}


}
