package dev.lantu.projects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.tables.MoneyUnit;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableWriter;

/**
 * Exports a filtered list of projects as CSV or XLSX with the import's own columns (money in 万元), so
 * an export edited in Excel imports again. The empty export is the import template. An export holds the projects
 * the caller may see (a district officer's district's); the template is for those who may import.
 */
@Service
public class ProjectExport {

	private final ProjectService projects;

	private final AtlasService atlas;

	ProjectExport(ProjectService projects, AtlasService atlas) {
		this.projects = projects;
		this.atlas = atlas;
	}

	static List<String> header() {
		List<String> header = new ArrayList<>();
		for (ProjectColumns column : ProjectColumns.values()) {
			header.add(column.money() ? column.zh + "（万元）" : column.zh);
			if (column == ProjectColumns.DISTRICT) {
				header.add("区名称");
			}
			if (column == ProjectColumns.STAGE_DATE) {
				header.add("在阶段天数");
			}
		}
		return header;
	}

	public byte[] template(TableFormat format) {
		ProjectService.scope("download the projects' import template");
		return TableWriter.write(format, header(), List.of());
	}

	public byte[] export(ProjectFilter filter, TableFormat format) {
		ProjectService.scope("export projects");
		Map<String, String> districtNames = atlas.districts().stream()
			.collect(Collectors.toMap(Region::code, d -> d.name().zh()));
		List<List<String>> rows = new ArrayList<>();
		LocalDate today = LocalDate.now();
		for (int page = 0;; page++) {
			ProjectService.Page found = projects.search(filter, page, 500);
			for (Project p : found.projects()) {
				rows.add(row(p, districtNames, today));
			}
			if ((long) (page + 1) * found.size() >= found.total() || found.projects().isEmpty()) {
				break;
			}
		}
		return TableWriter.write(format, header(), rows);
	}

	private static List<String> row(Project p, Map<String, String> districtNames, LocalDate today) {
		List<String> row = new ArrayList<>();
		row.add(String.valueOf(p.id()));
		row.add(p.name());
		row.add(p.investorName());
		row.add(p.investorUscc());
		row.add(p.districtCode());
		row.add(districtNames.get(p.districtCode()));
		row.add(String.join(";", p.trackIds()));
		row.add(wan(p.plannedInvestmentFen()));
		row.add(wan(p.expectedOutputFen()));
		row.add(p.expectedJobs() == null ? "" : p.expectedJobs().toString());
		row.add(p.site());
		row.add(p.stage().zh());
		row.add(p.stageSince().toString());
		row.add(String.valueOf(p.daysInStage(today)));
		row.add("");
		row.add(p.source() == null ? "" : p.source().title());
		row.add(p.source() == null || p.source().date() == null ? "" : p.source().date().toString());
		row.add(p.source() == null ? "" : p.source().url());
		row.add(p.synthetic() ? "是" : "否");
		return row;
	}

	/** Fen as 万元, exact (a fen is 0.000001 万元). */
	static String wan(Long fen) {
		return fen == null ? "" : MoneyUnit.WAN.format(fen);
	}

}
