package dev.lantu.projects.store;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.dataset.Confidence;
import dev.lantu.dataset.DatasetLoad;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;
import dev.lantu.projects.Target;

/** The dataset's targets. A load replaces them: they are the dataset's, not users' data. */
@Repository
public class TargetRepository {

	private final JdbcClient jdbc;

	TargetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Target> all() {
		return jdbc.sql("select * from project_target order by region_code, target_year, id")
			.query((rs, i) -> new Target(rs.getString("id"), rs.getString("region_code"), rs.getString("indicator"),
					new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
					(Integer) rs.getObject("baseline_year", Integer.class),
					rs.getString("baseline_value") == null ? null : new BigDecimal(rs.getString("baseline_value")),
					rs.getInt("target_year"), new BigDecimal(rs.getString("target_value")), rs.getString("comparison"),
					rs.getBoolean("yearly"),
					new Provenance(List.of(rs.getString("sources").split(" ")), Confidence.parse(rs.getString("confidence")).orElse(null),
							rs.getBoolean("inferred"), rs.getString("note"))))
			.list();
	}

	void replaceAll(List<Target> targets, DatasetLoad load) {
		jdbc.sql("delete from project_target").update();
		for (Target t : targets) {
			jdbc.sql("""
					insert into project_target (id, region_code, indicator, name_zh, name_en, baseline_year, baseline_value,
					    target_year, target_value, comparison, yearly, sources, confidence, inferred, note, load_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(t.id(), t.regionCode(), t.indicator(), t.name().zh(), t.name().en(), t.baselineYear(),
						t.baselineValue() == null ? null : t.baselineValue().toPlainString(), t.targetYear(),
						t.targetValue().toPlainString(), t.comparison(), t.yearly(), String.join(" ", t.provenance().sources()),
						t.provenance().confidence().label(), t.provenance().inferred(), t.provenance().note(), load.id())
				.update();
		}
	}

}
