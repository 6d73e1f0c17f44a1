package dev.lantu.registry;

/**
 * Which kind of rule put an enterprise in a track, in order of precedence: an officer's manual assignment
 * over the industry-code crosswalk over a keyword rule. A district track follows from a city track through
 * the atlas alignment ({@link #ALIGNMENT}), so it never competes with them.
 */
public enum RuleKind {

	MANUAL, CODE, KEYWORD, ALIGNMENT;

	/** True when this kind's assignment of a track wins over the other's. */
	public boolean precedes(RuleKind other) {
		return ordinal() < other.ordinal();
	}

}
