package dev.lantu.projects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.lantu.atlas.Alignment;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layout;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Track;

/**
 * A seeded, deterministic generator of a plausible pipeline, so a new installation has something to
 * show. Every project it makes is marked synthetic, named （合成）, and goes through the same service
 * and checks as a real one. Its districts carry tracks they are known to host; amounts are log-normal.
 */
@Component
public class SyntheticProjects {

	private static final Logger log = LoggerFactory.getLogger(SyntheticProjects.class);

	public static final String ACTOR = "synthetic generator";

	private final ProjectService projects;

	private final AtlasService atlas;

	SyntheticProjects(ProjectService projects, AtlasService atlas) {
		this.projects = projects;
		this.atlas = atlas;
	}

	/** Generates {@code count} projects unless synthetic ones exist already; returns how many it made. */
	public int generateOnce(int count, long seed) {
		if (count <= 0 || projects.search(new ProjectFilter(null, null, null, null, null, true), 0, 1).total() > 0) {
			return 0;
		}
		Random random = new Random(seed);
		LocalDate today = LocalDate.now();
		LocalDate first = today.minusYears(3);
		Layout layout = atlas.layout(null);
		List<Region> districts = atlas.districts();
		for (int n = 1; n <= count; n++) {
			Region district = districts.get(random.nextInt(districts.size()));
			List<String> tracks = tracksOf(district, layout, random);
			LocalDate signed = first.plusDays(random.nextInt((int) (today.toEpochDay() - first.toEpochDay()) - 20));
			long plannedYuan = Math.round(Math.exp(Math.log(3e8) + random.nextGaussian()) / 10_000) * 10_000;
			String trackName = tracks.isEmpty() ? "产业" : projects.trackName(tracks.get(0));
			ProjectDraft draft = new ProjectDraft("（合成）" + trackName + "项目 " + n, null, "合成投资方" + n + "有限公司",
					district.code(), tracks, plannedYuan * 100, plannedYuan * 100 * (1 + random.nextInt(3)),
					20 + random.nextInt(800), district.name().zh(), new Project.Source("合成数据（演示用）", signed, null),
					List.of(), true, random.nextInt(10) == 0 ? Stage.NEGOTIATING : Stage.SIGNED, signed, null);
			Project project = projects.create(draft, ACTOR);
			advance(project, signed, today, random);
		}
		log.info("generated {} synthetic projects (seed {}), all marked synthetic", count, seed);
		return count;
	}

	private List<String> tracksOf(Region district, Layout layout, Random random) {
		List<String> hosted = layout.tracks().stream()
			.map(t -> t.track().id())
			.filter(t -> layout.cell(district.code(), t).hosting() == dev.lantu.atlas.Hosting.HOSTED)
			.toList();
		List<String> pool = hosted.isEmpty() ? layout.tracks().stream().map(t -> t.track().id()).toList() : hosted;
		List<String> tracks = new ArrayList<>();
		tracks.add(pool.get(random.nextInt(pool.size())));
		// a district track that aligns to it, when the district's system has one
		atlas.systemOf(district.code(), null).map(IndustrialSystem::allTracks).orElse(List.of()).stream()
			.filter(t -> t.alignment() != null && t.alignment().kind() == Alignment.Kind.ALIGNED
					&& t.alignment().cityTracks().contains(tracks.get(0)))
			.map(Track::id)
			.findFirst()
			.ifPresent(tracks::add);
		return tracks;
	}

	/** Walks the project along the pipeline with plausible gaps, and records its yearly investment. */
	private void advance(Project project, LocalDate signed, LocalDate today, Random random) {
		LocalDate date = signed;
		Project current = project;
		LocalDate started = null;
		for (Stage next : List.of(Stage.REGISTERED, Stage.CONSTRUCTION_STARTED, Stage.COMPLETED, Stage.IN_PRODUCTION,
				Stage.AT_CAPACITY)) {
			date = date.plusDays(30 + random.nextInt(next == Stage.COMPLETED || next == Stage.AT_CAPACITY ? 500 : 200));
			if (date.isAfter(today) || random.nextInt(6) == 0) {
				break;
			}
			if (random.nextInt(25) == 0) {
				projects.advance(current.id(), current.version(), Stage.TERMINATED, date, null, "投资方战略调整（合成）", ACTOR);
				return;
			}
			current = projects.advance(current.id(), current.version(), next, date, null, null, ACTOR);
			if (next == Stage.CONSTRUCTION_STARTED) {
				started = date;
			}
		}
		if (started != null && current.plannedInvestmentFen() != null) {
			long remaining = current.plannedInvestmentFen();
			for (int year = started.getYear(); year <= today.getYear() && remaining > 0; year++) {
				long amount = Math.min(remaining, Math.round(current.plannedInvestmentFen() * (0.2 + random.nextDouble() * 0.3)
						/ 1_000_000) * 1_000_000);
				current = projects.recordInvestment(current.id(), current.version(), year, amount, "合成数据", ACTOR);
				remaining -= amount;
			}
		}
	}

}
