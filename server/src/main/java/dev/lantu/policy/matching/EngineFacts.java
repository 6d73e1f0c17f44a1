package dev.lantu.policy.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.lantu.engine.batch.BooleanColumn;
import dev.lantu.engine.batch.DateColumn;
import dev.lantu.engine.batch.EnterpriseColumns;
import dev.lantu.engine.batch.MoneyColumn;
import dev.lantu.engine.batch.NumberColumn;
import dev.lantu.engine.batch.TextColumn;
import dev.lantu.engine.batch.TextSetColumn;
import dev.lantu.engine.eval.MapEnterprise;
import dev.lantu.engine.eval.Value;
import dev.lantu.engine.lang.Schema;
import dev.lantu.engine.lang.Type;
import dev.lantu.engine.lang.Variable;
import dev.lantu.policy.CalculationInput;
import dev.lantu.registry.EnterpriseFacts;

/**
 * The registry's facts in the engine's terms: one enterprise as a profile for the calculator, a slice of
 * enterprises as columns for the batch evaluator. Only the schema's variables are read; a fact the registry
 * lacks stays unknown. The registry's whole numbers are amounts in fen where the schema says money and plain
 * numbers (employees) where it says number.
 */
public final class EngineFacts {

	private EngineFacts() {
	}

	/** The enterprise as the calculator reads it. */
	public static MapEnterprise enterprise(Schema schema, EnterpriseFacts facts) {
		MapEnterprise.Builder enterprise = MapEnterprise.builder();
		for (Variable variable : schema.variables()) {
			if (variable.isYearly()) {
				facts.yearly().getOrDefault(variable.name(), Map.of())
					.forEach((year, raw) -> enterprise.fact(variable.name(), year, value(variable, raw, facts.uscc())));
			}
			else {
				facts.fact(variable.name()).ifPresent(raw -> enterprise.fact(variable.name(), value(variable, raw, facts.uscc())));
			}
		}
		return enterprise.build();
	}

	/** The enterprise as a calculation request for the application year and date. */
	public static CalculationInput input(Schema schema, EnterpriseFacts facts, int year, LocalDate date) {
		Map<String, Value> statics = new java.util.LinkedHashMap<>();
		Map<String, java.util.SortedMap<Integer, Value>> yearly = new java.util.LinkedHashMap<>();
		for (Variable variable : schema.variables()) {
			if (variable.isYearly()) {
				facts.yearly().getOrDefault(variable.name(), Map.of()).forEach((y, raw) -> yearly
					.computeIfAbsent(variable.name(), v -> new java.util.TreeMap<>()).put(y, value(variable, raw, facts.uscc())));
			}
			else {
				facts.fact(variable.name()).ifPresent(raw -> statics.put(variable.name(), value(variable, raw, facts.uscc())));
			}
		}
		return new CalculationInput(year, date, enterprise(schema, facts), statics, yearly);
	}

	/** A registry value as the schema types it. */
	static Value value(Variable variable, Object raw, String uscc) {
		Value value = switch (variable.type()) {
			case MONEY -> raw instanceof Long fen ? Value.money(fen) : null;
			case NUMBER -> raw instanceof Long count ? Value.number(BigDecimal.valueOf(count)) : null;
			case BOOLEAN -> raw instanceof Boolean flag ? Value.bool(flag) : null;
			case DATE -> raw instanceof LocalDate day ? Value.date(day) : null;
			case TEXT -> raw instanceof String text ? Value.text(text) : null;
			case SET -> raw instanceof Collection<?> members ? Value.set(texts(members)) : null;
		};
		if (value == null) {
			throw mismatch(variable, raw, uscc);
		}
		return value;
	}

	private static IllegalStateException mismatch(Variable variable, Object raw, String uscc) {
		return new IllegalStateException("the registry holds " + variable.name() + " of " + uscc + " as "
				+ raw.getClass().getSimpleName() + ", but the policy schema types it " + variable.type());
	}

	private static List<String> texts(Collection<?> members) {
		return members.stream().map(String::valueOf).toList();
	}

	/**
	 * The slice as columns for the batch evaluator, yearly variables for {@code firstYear} to {@code lastYear};
	 * row {@code i} is {@code slice.get(i)}. A column nobody in the slice has a value for is not made: unknown.
	 */
	public static EnterpriseColumns columns(Schema schema, int firstYear, int lastYear, List<EnterpriseFacts> slice) {
		EnterpriseColumns.Builder builder = EnterpriseColumns.builder(schema, slice.size(), firstYear, lastYear);
		for (Variable variable : schema.variables()) {
			if (variable.isYearly()) {
				for (int year = firstYear; year <= lastYear; year++) {
					fill(builder, variable, year, slice);
				}
			}
			else {
				fill(builder, variable, null, slice);
			}
		}
		return builder.build();
	}

	private static void fill(EnterpriseColumns.Builder builder, Variable variable, Integer year, List<EnterpriseFacts> slice) {
		Object[] raws = new Object[slice.size()];
		boolean any = false;
		for (int row = 0; row < raws.length; row++) {
			EnterpriseFacts facts = slice.get(row);
			raws[row] = year == null ? facts.statics().get(variable.name())
					: facts.yearly().getOrDefault(variable.name(), Map.of()).get(year);
			any |= raws[row] != null;
		}
		if (!any) {
			return;
		}
		String name = variable.name();
		switch (variable.type()) {
			case MONEY -> {
				MoneyColumn column = builder.money(name, year);
				forEach(raws, variable, slice, Long.class, (row, fen) -> column.set(row, fen));
			}
			case NUMBER -> {
				NumberColumn column = builder.number(name, year, 0);
				forEach(raws, variable, slice, Long.class, (row, count) -> column.set(row, count));
			}
			case BOOLEAN -> {
				BooleanColumn column = builder.bool(name, year);
				forEach(raws, variable, slice, Boolean.class, (row, flag) -> column.set(row, flag));
			}
			case DATE -> {
				DateColumn column = builder.date(name, year);
				forEach(raws, variable, slice, LocalDate.class, (row, day) -> column.set(row, day));
			}
			case TEXT -> {
				TextColumn column = builder.text(name, year);
				forEach(raws, variable, slice, String.class, (row, text) -> column.set(row, text));
			}
			case SET -> {
				Set<String> members = new TreeSet<>();
				for (Object raw : raws) {
					if (raw instanceof Collection<?> set) {
						set.forEach(member -> members.add(String.valueOf(member)));
					}
				}
				TextSetColumn column = builder.textSet(name, year, new ArrayList<>(members));
				@SuppressWarnings("rawtypes")
				Class<Collection> type = Collection.class;
				forEach(raws, variable, slice, type, (row, set) -> column.set(row, texts(set)));
			}
		}
	}

	private interface Cell<T> {

		void set(int row, T value);

	}

	private static <T> void forEach(Object[] raws, Variable variable, List<EnterpriseFacts> slice, Class<T> type, Cell<T> cell) {
		for (int row = 0; row < raws.length; row++) {
			Object raw = raws[row];
			if (raw == null) {
				continue;
			}
			if (!type.isInstance(raw)) {
				throw mismatch(variable, raw, slice.get(row).uscc());
			}
			cell.set(row, type.cast(raw));
		}
	}

}
