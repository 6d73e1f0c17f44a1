package dev.lantu.registry.store;

import java.util.List;

/**
 * The registry's tables an import appends to, with the columns it fills, in the order a row's values
 * come. The order of the constants is the order in which buffered rows are written: an enterprise before
 * the rows that refer to it.
 */
enum RegistryTable {

	ENTERPRISE("enterprise", "uscc", "name", "district_code", "industry_code", "registered_on", "status", "business_scope",
			"synthetic", "version", "created_by", "created_at", "updated_by", "updated_at"),
	FORMER_NAME("enterprise_former_name", "uscc", "position", "name"),
	FIELD_CHANGE("enterprise_change", "uscc", "field", "old_value", "new_value", "source", "changed_by", "changed_at"),
	FIGURE("enterprise_figure", "uscc", "period_year", "variable", "amount", "source", "recorded_by", "recorded_at"),
	FIGURE_CHANGE("enterprise_figure_change", "uscc", "period_year", "variable", "old_amount", "new_amount", "source",
			"changed_by", "changed_at"),
	QUALIFICATION("enterprise_qualification", "uscc", "qualification", "valid_from", "valid_until", "certificate", "source",
			"recorded_by", "recorded_at"),
	FILING("enterprise_filing", "uscc", "filing", "filed_on", "reference", "source", "recorded_by", "recorded_at");

	final String name;

	final List<String> columns;

	RegistryTable(String name, String... columns) {
		this.name = name;
		this.columns = List.of(columns);
	}

	String insert() {
		return "insert into " + name + " (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
	}

}
