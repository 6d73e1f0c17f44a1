package dev.lantu.registry;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.registry.store.EnterpriseRepository;
import dev.lantu.tables.MoneyUnit;
import dev.lantu.tables.TableFormat;
import dev.lantu.tables.TableWriter;

/**
 * Exports a filtered list of enterprises as CSV or XLSX in the import's own columns (money in 万元), one
 * row per enterprise and year of figures, so an export edited in Excel imports again. It streams: the
 * list is read a thousand enterprises at a time. The empty export is the import template.
 */
@Service
public class EnterpriseExport {

	private static final int CHUNK = 1000;

	private final EnterpriseRepository repository;

	private final EnterpriseService service;

	private final AtlasService atlas;

	private final IndustryClassification industries;

	private final Clock clock = Clock.systemDefaultZone();

	EnterpriseExport(EnterpriseRepository repository, EnterpriseService service, AtlasService atlas,
			IndustryClassification industries) {
		this.repository = repository;
		this.service = service;
		this.atlas = atlas;
		this.industries = industries;
	}

	/** The header of exports and of the template: the import's columns, with district and industry names beside their codes. */
	public static List<String> header() {
		List<String> header = new ArrayList<>();
		for (String column : EnterpriseColumn.templateHeader(MoneyUnit.WAN)) {
			header.add(column);
			if (column.equals(EnterpriseColumn.DISTRICT.zh)) {
				header.add("区名称");
			}
			if (column.equals(EnterpriseColumn.INDUSTRY.zh)) {
				header.add("行业名称");
			}
		}
		return header;
	}

	public void template(TableFormat format, OutputStream out) {
		requireTemplate();
		TableWriter.open(format, out, header()).close();
	}

	/** The import template is for officials, who import (or tell enterprises how to fill it). */
	public void requireTemplate() {
		Access.require(Access.caller().isOfficial(), "download the enterprise import template");
	}

	/**
	 * The filter of an export within what the caller may export: the administrator everything, a district officer
	 * their district, an enterprise user its own record. A policy officer reads enterprises one by one for matching
	 * and review, and does not take the registry away in bulk.
	 */
	public EnterpriseFilter visible(EnterpriseFilter filter) {
		Caller caller = RegistryAccess.requireReader("export the registry");
		Access.require(!caller.is(Role.POLICY_OFFICER), "export the registry");
		return RegistryAccess.scoped(caller, filter);
	}

	/** Writes the enterprises the filter selects, with their figures of {@code year} (every year when null); returns the rows written. */
	public int export(EnterpriseFilter filter, Integer year, TableFormat format, OutputStream out) {
		filter = visible(filter);
		List<String> prefixes = service.industryPrefixes(filter.industry());
		LocalDate today = LocalDate.now(clock);
		Map<String, String> districtNames = atlas.districts().stream().collect(Collectors.toMap(Region::code, d -> d.name().zh()));
		int rows = 0;
		try (TableWriter.Sheet sheet = TableWriter.open(format, out, header())) {
			String after = null;
			while (true) {
				List<String> usccs = repository.usccsAfter(filter, prefixes, today, after, CHUNK);
				if (usccs.isEmpty()) {
					break;
				}
				after = usccs.get(usccs.size() - 1);
				var figures = repository.figures(usccs);
				var qualifications = repository.qualifications(usccs);
				var filings = repository.filings(usccs);
				for (Enterprise e : repository.findAll(usccs)) {
					List<String> identity = identity(e, districtNames, qualifications.getOrDefault(e.uscc(), List.of()),
							filings.getOrDefault(e.uscc(), List.of()));
					Map<Integer, Map<String, Long>> years = figures.getOrDefault(e.uscc(), Map.of());
					List<Integer> wanted = years.keySet().stream().filter(y -> year == null || y.equals(year)).sorted().toList();
					if (wanted.isEmpty()) {
						sheet.row(row(identity, null, Map.of(), e.synthetic()));
						rows++;
					}
					for (Integer y : wanted) {
						sheet.row(row(identity, y, years.get(y), e.synthetic()));
						rows++;
					}
				}
			}
		}
		return rows;
	}

	private List<String> identity(Enterprise e, Map<String, String> districtNames, List<Qualification> qualifications,
			List<Filing> filings) {
		List<String> cells = new ArrayList<>();
		cells.add(e.uscc());
		cells.add(e.name());
		cells.add(String.join("；", e.formerNames().stream().filter(n -> !n.equals(e.name())).toList()));
		cells.add(e.districtCode());
		cells.add(districtNames.getOrDefault(e.districtCode(), ""));
		cells.add(e.industryCode());
		cells.add(e.industryCode() == null ? "" : industries.find(e.industryCode()).map(IndustryClass::name).orElse(""));
		cells.add(e.registeredOn() == null ? "" : e.registeredOn().toString());
		cells.add(e.status().zh());
		cells.add(e.businessScope());
		cells.add(String.join("；", qualifications.stream().map(EnterpriseExport::qualification).toList()));
		cells.add(String.join("；", filings.stream().map(f -> f.type().label() + "(" + f.filedOn() + ")").toList()));
		return cells;
	}

	static String qualification(Qualification q) {
		if (q.validFrom() == null && q.validUntil() == null) {
			return q.type().label();
		}
		return q.type().label() + "(" + (q.validFrom() == null ? "" : q.validFrom()) + "~"
				+ (q.validUntil() == null ? "" : q.validUntil()) + ")";
	}

	private static List<String> row(List<String> identity, Integer year, Map<String, Long> values, boolean synthetic) {
		List<String> cells = new ArrayList<>(identity);
		cells.add(year == null ? "" : year.toString());
		for (Figure figure : Figure.values()) {
			Long value = values.get(figure.variable());
			cells.add(value == null ? "" : switch (figure.kind()) {
				case MONEY -> MoneyUnit.WAN.format(value);
				case COUNT -> value.toString();
				case FLAG -> value != 0 ? "是" : "否";
			});
		}
		cells.add(synthetic ? "是" : "否");
		return cells;
	}

}
