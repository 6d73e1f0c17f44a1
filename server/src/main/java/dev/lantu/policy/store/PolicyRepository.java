package dev.lantu.policy.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetDirectory.DatasetFile;
import dev.lantu.dataset.DatasetLoad;
import dev.lantu.engine.policy.PolicyDocument;
import dev.lantu.policy.PolicyQuery;
import dev.lantu.policy.PolicySummary;

/**
 * Writes the dataset's policies and reads them back. A policy whose text (or whose cases) changed gets a
 * new version; an unchanged one keeps its row; one no longer in the dataset stays, marked as such.
 */
@Repository
public class PolicyRepository {

	static final String SCHEMA = "schema";

	static final String ISSUERS = "issuers";

	private final JdbcClient jdbc;

	PolicyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored text: the schema or a policy, with the version and the time it was first loaded. */
	record StoredText(String id, int version, String file, String text, String testsFile, String testsText,
			OffsetDateTime loadedAt) {
	}

	void write(DatasetFile schema, DatasetFile issuers, List<PolicyFile> policies, DatasetLoad load) {
		writeSupportFile(SCHEMA, schema, load);
		writeSupportFile(ISSUERS, issuers, load);
		jdbc.sql("update policy_document set in_dataset = false where in_dataset = true").update();
		for (PolicyFile policy : policies) {
			int version = writePolicy(policy, load);
			jdbc.sql("update policy_document set in_dataset = true where id = ? and version = ?")
				.params(policy.document().id(), version)
				.update();
		}
	}

	/** Keeps the latest version when the text is the same, else adds one; marks it as the dataset's. */
	private void writeSupportFile(String kind, DatasetFile file, DatasetLoad load) {
		jdbc.sql("update policy_support_file set in_dataset = false where kind = ?").param(kind).update();
		if (file == null) {
			return;
		}
		String fingerprint = DatasetDirectory.sha256(file.text());
		Optional<Map<String, Object>> latest = jdbc
			.sql("select version, fingerprint from policy_support_file where kind = ? order by version desc fetch first 1 rows only")
			.param(kind)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		int version;
		if (latest.isPresent() && fingerprint.equals(latest.get().get("fingerprint"))) {
			version = ((Number) latest.get().get("version")).intValue();
		}
		else {
			version = latest.map(row -> ((Number) row.get("version")).intValue() + 1).orElse(1);
			jdbc.sql("""
					insert into policy_support_file (kind, version, fingerprint, source_file, source_text, in_dataset, load_id)
					values (?, ?, ?, ?, ?, false, ?)""")
				.params(kind, version, fingerprint, file.name(), file.text(), load.id())
				.update();
		}
		jdbc.sql("update policy_support_file set in_dataset = true where kind = ? and version = ?")
			.params(kind, version)
			.update();
	}

	/** Writes the policy unless its latest version has the same texts; returns the version in the dataset. */
	private int writePolicy(PolicyFile file, DatasetLoad load) {
		PolicyDocument policy = file.document();
		String fingerprint = DatasetDirectory.sha256(List.of(new DatasetFile(file.file(), file.text()),
				new DatasetFile(String.valueOf(file.testsFile()), String.valueOf(file.testsText()))));
		Optional<Map<String, Object>> latest = jdbc
			.sql("select version, fingerprint from policy_document where id = ? order by version desc fetch first 1 rows only")
			.param(policy.id())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (latest.isPresent() && fingerprint.equals(latest.get().get("fingerprint"))) {
			return ((Number) latest.get().get("version")).intValue();
		}
		int version = latest.map(row -> ((Number) row.get("version")).intValue() + 1).orElse(1);
		PolicyDocument.Source source = policy.source();
		long illustrative = policy.clauses().stream().filter(PolicyDocument.PolicyClause::illustrative).count();
		jdbc.sql("""
				insert into policy_document (id, version, title_zh, title_en, issuer, document_number, effective_from,
				    effective_to, source_title, source_url, source_citation, source_confidence,
				    cap_per_enterprise_per_year, budget, clause_count, illustrative_count, search_text, fingerprint,
				    source_file, source_text, tests_file, tests_text, in_dataset, load_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
			.params(policy.id(), version, policy.titleZh(), emptyToNull(policy.titleEn()), policy.issuer(),
					emptyToNull(policy.documentNumber()), Date.valueOf(policy.effectiveFrom()),
					policy.effectiveTo() == null ? null : Date.valueOf(policy.effectiveTo()), source.title(),
					emptyToNull(source.url()), emptyToNull(source.citation()), emptyToNull(source.confidence()),
					policy.capPerEnterprisePerYear(), policy.budget(), policy.clauses().size(), (int) illustrative,
					searchText(policy), fingerprint, file.file(), file.text(), file.testsFile(), file.testsText(),
					load.id())
			.update();
		for (String region : policy.regions()) {
			jdbc.sql("insert into policy_region (policy_id, policy_version, region_code) values (?, ?, ?)")
				.params(policy.id(), version, region)
				.update();
		}
		for (String track : policy.tracks()) {
			jdbc.sql("insert into policy_track (policy_id, policy_version, track_id) values (?, ?, ?)")
				.params(policy.id(), version, track)
				.update();
		}
		return version;
	}

	static String searchText(PolicyDocument policy) {
		Stream<String> head = Stream.of(policy.id(), policy.titleZh(), policy.titleEn(), policy.issuer(),
				policy.documentNumber());
		Stream<String> clauses = policy.clauses().stream().flatMap(entry -> Stream.of(entry.clause().id(),
				entry.clause().title(), entry.clause().subject(), entry.clause().sourceParagraph()));
		return Stream.concat(head, clauses).filter(text -> text != null && !text.isBlank())
			.map(text -> text.toLowerCase(Locale.ROOT))
			.collect(Collectors.joining("\n"));
	}

	/** The id of the latest load of any dataset; the in-memory policies follow it. */
	Optional<Long> lastLoadId() {
		return jdbc.sql("select max(id) from dataset_load").query(Long.class).optional();
	}

	/** The dataset's schema ({@link #SCHEMA}) or issuers' caps ({@link #ISSUERS}), when it has them. */
	Optional<StoredText> supportFile(String kind) {
		return jdbc.sql("""
				select s.version, s.source_file, s.source_text, l.loaded_at
				from policy_support_file s join dataset_load l on l.id = s.load_id
				where s.kind = ? and s.in_dataset = true""")
			.param(kind)
			.query((rs, i) -> new StoredText(kind, rs.getInt("version"), rs.getString("source_file"),
					rs.getString("source_text"), null, null, rs.getObject("loaded_at", OffsetDateTime.class)))
			.optional();
	}

	/** The policies of the latest loaded dataset, each in the version it holds. */
	List<StoredText> inDataset() {
		return jdbc.sql("""
				select d.id, d.version, d.source_file, d.source_text, d.tests_file, d.tests_text, l.loaded_at
				from policy_document d join dataset_load l on l.id = d.load_id
				where d.in_dataset = true order by d.id""")
			.query((rs, i) -> new StoredText(rs.getString("id"), rs.getInt("version"), rs.getString("source_file"),
					rs.getString("source_text"), rs.getString("tests_file"), rs.getString("tests_text"),
					rs.getObject("loaded_at", OffsetDateTime.class)))
			.list();
	}

	/** The policies of the loaded dataset that match every part of the query, newest first. */
	public List<PolicySummary> search(PolicyQuery query) {
		StringBuilder sql = new StringBuilder("select * from policy_document d where d.in_dataset = true");
		List<Object> params = new ArrayList<>();
		if (query.region() != null) {
			// a district's policies include its city's: GB/T 2260 codes share the first four digits
			sql.append(" and exists (select 1 from policy_region r where r.policy_id = d.id and r.policy_version = d.version"
					+ " and r.region_code in (?, ?))");
			params.add(query.region());
			params.add(cityOf(query.region()));
		}
		if (query.track() != null) {
			sql.append(" and exists (select 1 from policy_track t where t.policy_id = d.id and t.policy_version = d.version"
					+ " and t.track_id = ?)");
			params.add(query.track());
		}
		if (query.issuer() != null) {
			sql.append(" and lower(d.issuer) like ? escape '!'");
			params.add(containing(query.issuer()));
		}
		if (query.on() != null) {
			sql.append(" and d.effective_from <= ? and (d.effective_to is null or d.effective_to >= ?)");
			params.add(Date.valueOf(query.on()));
			params.add(Date.valueOf(query.on()));
		}
		if (query.text() != null) {
			for (String word : query.text().split("\\s+")) {
				sql.append(" and d.search_text like ? escape '!'");
				params.add(containing(word));
			}
		}
		sql.append(" order by d.effective_from desc, d.id");
		List<PolicySummary> found = jdbc.sql(sql.toString()).params(params).query((rs, i) -> summary(rs)).list();
		return found.stream().map(this::withRegionsAndTracks).toList();
	}

	private PolicySummary withRegionsAndTracks(PolicySummary summary) {
		List<String> regions = jdbc
			.sql("select region_code from policy_region where policy_id = ? and policy_version = ? order by region_code")
			.params(summary.id(), summary.version())
			.query(String.class)
			.list();
		List<String> tracks = jdbc
			.sql("select track_id from policy_track where policy_id = ? and policy_version = ? order by track_id")
			.params(summary.id(), summary.version())
			.query(String.class)
			.list();
		return new PolicySummary(summary.id(), summary.version(), summary.titleZh(), summary.titleEn(),
				summary.issuer(), summary.documentNumber(), regions, tracks, summary.effectiveFrom(),
				summary.effectiveTo(), summary.sourceTitle(), summary.sourceUrl(), summary.sourceCitation(),
				summary.sourceConfidence(), summary.capPerEnterprisePerYearFen(), summary.clauses(),
				summary.illustrativeClauses());
	}

	private static PolicySummary summary(ResultSet rs) throws SQLException {
		return new PolicySummary(rs.getString("id"), rs.getInt("version"), rs.getString("title_zh"),
				rs.getString("title_en"), rs.getString("issuer"), rs.getString("document_number"), List.of(), List.of(),
				rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
				rs.getString("source_title"), rs.getString("source_url"), rs.getString("source_citation"),
				rs.getString("source_confidence"), rs.getObject("cap_per_enterprise_per_year", Long.class),
				rs.getInt("clause_count"), rs.getInt("illustrative_count"));
	}

	static String cityOf(String region) {
		return region.length() == 6 ? region.substring(0, 4) + "00" : region;
	}

	/** A LIKE pattern for text anywhere, its own % and _ taken literally. */
	private static String containing(String text) {
		String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

	private static String emptyToNull(String text) {
		return text == null || text.isEmpty() ? null : text;
	}

}
