package dev.lantu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The compact set of enterprises seen in a file: exact through its growth, years and identities apart. */
class UsccKeysTests {

	@Test
	void shouldTellRepeatsFromOtherYearsAndDisagreementsAcrossGrowth() {
		Random random = new Random(1);
		java.util.Set<String> unique = new java.util.LinkedHashSet<>();
		while (unique.size() < 20_000) {
			unique.add(SyntheticRegistry.uscc("440106", random));
		}
		List<String> codes = new ArrayList<>(unique);
		UsccKeys keys = new UsccKeys();
		for (int i = 0; i < codes.size(); i++) {
			assertThat(keys.add(codes.get(i), 2024, 7, i + 2).firstRow()).isEqualTo(-1);
		}
		assertThat(keys.size()).isEqualTo(20_000);
		for (int i = 0; i < codes.size(); i += 997) {
			UsccKeys.Seen again = keys.add(codes.get(i), 2024, 7, 99_999);
			assertThat(again.firstRow()).isEqualTo(i + 2);
			assertThat(again.sameYear()).isTrue();
			UsccKeys.Seen otherYear = keys.add(codes.get(i), 2023, 7, 99_999);
			assertThat(otherYear.sameYear()).isFalse();
			assertThat(otherYear.sameIdentity()).isTrue();
			assertThat(keys.add(codes.get(i), 2022, 8, 99_999).sameIdentity()).isFalse();
			assertThat(keys.add(codes.get(i), null, 7, 99_999).sameYear()).isFalse();
			assertThat(keys.add(codes.get(i), null, 7, 99_999).sameYear()).isTrue();
		}
		assertThat(keys.size()).isEqualTo(20_000);
	}

}
