package dev.lantu.policy.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.lantu.registry.EnterpriseTracks;

/**
 * A classification by fixed industry rules, put before the registry's own (which follows the dataset's
 * classification.yaml and its catch-up) so that the matching tests know every enterprise's tracks exactly:
 * software and internet (65xx) in the city's AI track, and in Tianhe also in Tianhe's; vehicles (36xx) in the NEV track; retail (5211)
 * classified into no track (the empty set, known); every other enterprise not classified (unknown).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RuleTracks {

	static final String MEMBERSHIP = "select uscc, 'gz.cluster.ai' as track from enterprise where industry_code like '65%'"
			+ " union all select uscc, 'gz.tianhe.ai' from enterprise where industry_code like '65%' and district_code = '440106'"
			+ " union all select uscc, 'gz.cluster.nev' from enterprise where industry_code like '36%'"
			+ " union all select uscc, null from enterprise where industry_code = '5211'";

	@Bean
	@Primary
	EnterpriseTracks tracksByIndustryRule(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		return new EnterpriseTracks() {

			@Override
			public Optional<Set<String>> tracksOf(String uscc) {
				return Optional.ofNullable(tracksBetween(uscc, uscc).get(uscc));
			}

			@Override
			public Map<String, Set<String>> tracksBetween(String fromUscc, String toUscc) {
				Map<String, Set<String>> tracks = new HashMap<>();
				jdbc.query("select uscc, track from (" + MEMBERSHIP + ") m where uscc >= ? and uscc <= ?", rs -> {
					Set<String> held = tracks.computeIfAbsent(rs.getString(1), k -> new TreeSet<>());
					if (rs.getString(2) != null) {
						held.add(rs.getString(2));
					}
				}, fromUscc, toUscc);
				return tracks;
			}

			@Override
			public Optional<String> membershipSql() {
				return Optional.of(MEMBERSHIP);
			}

		};
	}

}
