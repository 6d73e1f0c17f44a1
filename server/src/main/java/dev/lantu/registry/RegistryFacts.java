package dev.lantu.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.lantu.engine.sql.ProfileTable;
import dev.lantu.engine.sql.SqlDialect;
import dev.lantu.registry.store.EnterpriseRepository;
import dev.lantu.registry.store.RegistryFactsRepository;

/**
 * The whole registry's facts for the policy engine, two ways: streamed in slices of enterprises by USCC (each
 * slice read with one range query per table, so memory holds one slice whatever the registry's size), or
 * computed by the database into the engine's {@link ProfileTable} layout, so the compiled SQL runs where the
 * data lives. Both give each enterprise what {@link EnterpriseService#facts} gives it. Only enterprises in
 * operation (在营) take part: a payment to a revoked or cancelled one cannot be made.
 */
@Service
public class RegistryFacts {

	private final RegistryFactsRepository repository;

	private final EnterpriseRepository enterprises;

	private final EnterpriseTracks tracks;

	RegistryFacts(RegistryFactsRepository repository, EnterpriseRepository enterprises,
			ObjectProvider<EnterpriseTracks> tracks) {
		this.repository = repository;
		this.enterprises = enterprises;
		this.tracks = tracks.getIfAvailable(() -> EnterpriseTracks.UNCLASSIFIED);
	}

	/** The database the registry lives in, for SQL compiled against it. */
	public SqlDialect dialect() {
		return repository.dialect();
	}

	/** How many enterprises take part: those in operation. */
	public long count() {
		return repository.countOperating();
	}

	/**
	 * Hands {@code slice} the facts of every operating enterprise, {@code sliceSize} at a time in USCC order,
	 * qualifications as valid on {@code asOf}, figures of the years {@code firstYear} to {@code lastYear}: those
	 * named in {@code figures} (the variables a run reads), or all when it is null.
	 */
	public void forEachSlice(LocalDate asOf, int firstYear, int lastYear, Collection<String> figures, int sliceSize,
			Consumer<List<EnterpriseFacts>> slice) {
		if (sliceSize < 1) {
			throw new IllegalArgumentException("a slice holds at least one enterprise, not " + sliceSize);
		}
		String after = null;
		while (true) {
			List<Enterprise> found = repository.operatingAfter(after, sliceSize);
			if (found.isEmpty()) {
				return;
			}
			String from = found.get(0).uscc();
			String to = found.get(found.size() - 1).uscc();
			Map<String, Map<Integer, Map<String, Long>>> held = repository.figuresBetween(from, to, firstYear, lastYear, figures);
			Map<String, List<Qualification>> qualifications = repository.qualificationsBetween(from, to);
			Map<String, List<Filing>> filings = repository.filingsBetween(from, to);
			Map<String, java.util.Set<String>> classified = tracks.tracksBetween(from, to);
			List<EnterpriseFacts> facts = new ArrayList<>(found.size());
			for (Enterprise e : found) {
				facts.add(EnterpriseFacts.of(e, qualifications.getOrDefault(e.uscc(), List.of()),
						filings.getOrDefault(e.uscc(), List.of()), held.getOrDefault(e.uscc(), Map.of()),
						Optional.ofNullable(classified.get(e.uscc())), asOf));
			}
			slice.accept(facts);
			if (found.size() < sliceSize) {
				return;
			}
			after = to;
		}
	}

	/**
	 * Fills {@code table} (created, empty, in the registry's database) with one row per operating enterprise,
	 * by one INSERT … SELECT over the registry's tables.
	 *
	 * @return the rows written
	 */
	public long fillProfileTable(ProfileTable table, LocalDate asOf) {
		return repository.fill(table, asOf, tracks.membershipSql().orElse(null));
	}

	/** Whether the registry holds synthetic enterprises, so results over it must be labelled 合成数据. */
	public boolean anySynthetic() {
		return enterprises.anySynthetic();
	}

	/** The enterprises of these USCCs that exist, by USCC, for showing names beside results. */
	public Map<String, Enterprise> enterprises(Collection<String> usccs) {
		Map<String, Enterprise> found = new LinkedHashMap<>();
		enterprises.findAll(usccs).forEach(e -> found.put(e.uscc(), e));
		return found;
	}

}
