package dev.lantu.registry;

import java.util.Random;

/** The generator's USCCs for tests outside this package. */
public final class SyntheticRegistryAccess {

	private SyntheticRegistryAccess() {
	}

	public static String uscc(String district, Random random) {
		synchronized (random) {
			return SyntheticRegistry.uscc(district, random);
		}
	}

}
