package dev.lantu.projects;

/** The city view of one district: its projects, their planned investment and the investment made (fen). */
public record DistrictTotal(String districtCode, long projects, long plannedInvestmentFen, long investedFen,
		long synthetic) {
}
