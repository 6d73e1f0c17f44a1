package dev.lantu.projects;

import java.util.List;
import java.util.Optional;

import dev.lantu.tables.MoneyUnit;

/**
 * The columns of a project sheet, with the headers officials use (中文) and English ones. Money
 * columns declare their unit in the header, e.g. 计划总投资（万元） or planned_investment_yuan, since
 * 元 against 万元 is the classic error.
 */
enum ProjectColumns {

	ID("编号", "id"), NAME("项目名称", "name"), INVESTOR("投资方", "investor"), USCC("统一社会信用代码", "uscc"), DISTRICT("所属区", "district"),
	TRACKS("赛道", "tracks"), PLANNED_INVESTMENT("计划总投资", "planned_investment"),
	EXPECTED_OUTPUT("预计年产值", "expected_output"), EXPECTED_JOBS("预计就业人数", "expected_jobs"), SITE("项目地址", "site"),
	STAGE("阶段", "stage"), STAGE_DATE("阶段日期", "stage_date"), EVIDENCE("依据", "evidence"), SOURCE("来源", "source"),
	SOURCE_DATE("来源日期", "source_date"), SOURCE_URL("来源链接", "source_url"), SYNTHETIC("合成数据", "synthetic");

	/** Columns an export adds for reading that an import does not use. */
	static final List<String> EXPORT_ONLY = List.of("区名称", "district_name", "阶段起始", "stage_since",
			"在阶段天数", "days_in_stage", "赛道名称", "track_names", "版本", "version");

	final String zh;

	final String en;

	ProjectColumns(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	boolean money() {
		return this == PLANNED_INVESTMENT || this == EXPECTED_OUTPUT;
	}

	/** A header understood: its column and, for money, the unit it declares. */
	record Header(ProjectColumns column, MoneyUnit unit) {
	}

	static Optional<Header> parse(String header) {
		String h = header.strip();
		for (ProjectColumns column : values()) {
			if (!column.money()) {
				if (h.equals(column.zh) || h.equalsIgnoreCase(column.en)) {
					return Optional.of(new Header(column, null));
				}
				continue;
			}
			Optional<MoneyUnit> unit = MoneyUnit.declaredBy(h, column.zh, column.en);
			if (unit.isPresent()) {
				return Optional.of(new Header(column, unit.get()));
			}
		}
		return Optional.empty();
	}

	/** What a money column's header must look like, for error messages. */
	static String moneyHeaders(ProjectColumns column) {
		return MoneyUnit.headersFor(column.zh, column.en);
	}

}
