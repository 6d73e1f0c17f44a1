package dev.lantu.bench.policies;

import dev.lantu.bench.policies.EnterpriseTable.BooleanColumn;
import dev.lantu.bench.policies.EnterpriseTable.DateColumn;
import dev.lantu.bench.policies.EnterpriseTable.MoneyColumn;
import dev.lantu.bench.policies.EnterpriseTable.NumberColumn;
import dev.lantu.bench.policies.EnterpriseTable.SetColumn;
import dev.lantu.bench.policies.EnterpriseTable.TextColumn;
import java.util.Set;

/**
 * An enterprise as Drools sees it: a Java bean with one property per column of the benchmark's table,
 * {@code null} for an unknown fact, as a team would map its registry for a rule engine. Amounts are
 * {@code Long} fen, dates {@code Integer} days since 1970-01-01 (so rules compare them as numbers), sets
 * {@code Set<String>}. It reads the table's arrays; no row is copied. One getter per column of
 * bench-schema.yaml, in its order (a test checks that every column has one).
 */
public final class EnterpriseFact {

    private final Columns c;
    private final int row;

    public EnterpriseFact(Columns columns, int row) {
        this.c = columns;
        this.row = row;
    }

    /** The table's arrays, looked up once per table rather than once per fact. */
    public static final class Columns {

        private final TextColumn district;
        private final TextColumn industryCode;
        private final SetColumn qualifications;
        private final SetColumn tracks;
        private final int[] registeredOn;
        private final int[] highTechCertifiedOn;
        private final byte[] listed;
        private final byte[] headquarters;
        private final byte[] stateOwned;
        private final byte[] largeModelEnterprise;
        private final int[] llmFilingFirstOn;
        private final int[] algorithmFilingFirstOn;
        private final long[] revenue2023;
        private final long[] revenue2024;
        private final long[] revenue2025;
        private final long[] rdExpense2023;
        private final long[] rdExpense2024;
        private final long[] rdExpense2025;
        private final long[] computePurchases2023;
        private final long[] computePurchases2024;
        private final long[] computePurchases2025;
        private final long[] dataPurchases2023;
        private final long[] dataPurchases2024;
        private final long[] dataPurchases2025;
        private final long[] algorithmProcurement2023;
        private final long[] algorithmProcurement2024;
        private final long[] algorithmProcurement2025;
        private final long[] equipmentPurchases2023;
        private final long[] equipmentPurchases2024;
        private final long[] equipmentPurchases2025;
        private final long[] fixedAssetInvestment2023;
        private final long[] fixedAssetInvestment2024;
        private final long[] fixedAssetInvestment2025;
        private final long[] taxPaid2023;
        private final long[] taxPaid2024;
        private final long[] taxPaid2025;
        private final long[] exportValue2023;
        private final long[] exportValue2024;
        private final long[] exportValue2025;
        private final long[] profit2023;
        private final long[] profit2024;
        private final long[] profit2025;
        private final long[] modelOptimisationExpense2023;
        private final long[] modelOptimisationExpense2024;
        private final long[] modelOptimisationExpense2025;
        private final long[] scenarioProjectInput2023;
        private final long[] scenarioProjectInput2024;
        private final long[] scenarioProjectInput2025;
        private final byte[] scenarioDemonstrationProject2023;
        private final byte[] scenarioDemonstrationProject2024;
        private final byte[] scenarioDemonstrationProject2025;
        private final int[] employees2023;
        private final int[] employees2024;
        private final int[] employees2025;
        private final int[] rdStaff2023;
        private final int[] rdStaff2024;
        private final int[] rdStaff2025;
        private final int[] patentsGranted2023;
        private final int[] patentsGranted2024;
        private final int[] patentsGranted2025;
        private final int[] softwareCopyrights2023;
        private final int[] softwareCopyrights2024;
        private final int[] softwareCopyrights2025;
        private final int[] energyUse2023;
        private final int[] energyUse2024;
        private final int[] energyUse2025;

        public Columns(EnterpriseTable table) {
            this.district = (TextColumn) table.column("district");
            this.industryCode = (TextColumn) table.column("industry_code");
            this.qualifications = (SetColumn) table.column("qualifications");
            this.tracks = (SetColumn) table.column("tracks");
            this.registeredOn = ((DateColumn) table.column("registered_on")).epochDays();
            this.highTechCertifiedOn = ((DateColumn) table.column("high_tech_certified_on")).epochDays();
            this.listed = ((BooleanColumn) table.column("listed")).values();
            this.headquarters = ((BooleanColumn) table.column("headquarters")).values();
            this.stateOwned = ((BooleanColumn) table.column("state_owned")).values();
            this.largeModelEnterprise = ((BooleanColumn) table.column("large_model_enterprise")).values();
            this.llmFilingFirstOn = ((DateColumn) table.column("llm_filing_first_on")).epochDays();
            this.algorithmFilingFirstOn = ((DateColumn) table.column("algorithm_filing_first_on")).epochDays();
            this.revenue2023 = ((MoneyColumn) table.column("revenue_2023")).fen();
            this.revenue2024 = ((MoneyColumn) table.column("revenue_2024")).fen();
            this.revenue2025 = ((MoneyColumn) table.column("revenue_2025")).fen();
            this.rdExpense2023 = ((MoneyColumn) table.column("rd_expense_2023")).fen();
            this.rdExpense2024 = ((MoneyColumn) table.column("rd_expense_2024")).fen();
            this.rdExpense2025 = ((MoneyColumn) table.column("rd_expense_2025")).fen();
            this.computePurchases2023 = ((MoneyColumn) table.column("compute_purchases_2023")).fen();
            this.computePurchases2024 = ((MoneyColumn) table.column("compute_purchases_2024")).fen();
            this.computePurchases2025 = ((MoneyColumn) table.column("compute_purchases_2025")).fen();
            this.dataPurchases2023 = ((MoneyColumn) table.column("data_purchases_2023")).fen();
            this.dataPurchases2024 = ((MoneyColumn) table.column("data_purchases_2024")).fen();
            this.dataPurchases2025 = ((MoneyColumn) table.column("data_purchases_2025")).fen();
            this.algorithmProcurement2023 = ((MoneyColumn) table.column("algorithm_procurement_2023")).fen();
            this.algorithmProcurement2024 = ((MoneyColumn) table.column("algorithm_procurement_2024")).fen();
            this.algorithmProcurement2025 = ((MoneyColumn) table.column("algorithm_procurement_2025")).fen();
            this.equipmentPurchases2023 = ((MoneyColumn) table.column("equipment_purchases_2023")).fen();
            this.equipmentPurchases2024 = ((MoneyColumn) table.column("equipment_purchases_2024")).fen();
            this.equipmentPurchases2025 = ((MoneyColumn) table.column("equipment_purchases_2025")).fen();
            this.fixedAssetInvestment2023 = ((MoneyColumn) table.column("fixed_asset_investment_2023")).fen();
            this.fixedAssetInvestment2024 = ((MoneyColumn) table.column("fixed_asset_investment_2024")).fen();
            this.fixedAssetInvestment2025 = ((MoneyColumn) table.column("fixed_asset_investment_2025")).fen();
            this.taxPaid2023 = ((MoneyColumn) table.column("tax_paid_2023")).fen();
            this.taxPaid2024 = ((MoneyColumn) table.column("tax_paid_2024")).fen();
            this.taxPaid2025 = ((MoneyColumn) table.column("tax_paid_2025")).fen();
            this.exportValue2023 = ((MoneyColumn) table.column("export_value_2023")).fen();
            this.exportValue2024 = ((MoneyColumn) table.column("export_value_2024")).fen();
            this.exportValue2025 = ((MoneyColumn) table.column("export_value_2025")).fen();
            this.profit2023 = ((MoneyColumn) table.column("profit_2023")).fen();
            this.profit2024 = ((MoneyColumn) table.column("profit_2024")).fen();
            this.profit2025 = ((MoneyColumn) table.column("profit_2025")).fen();
            this.modelOptimisationExpense2023 = ((MoneyColumn) table.column("model_optimisation_expense_2023")).fen();
            this.modelOptimisationExpense2024 = ((MoneyColumn) table.column("model_optimisation_expense_2024")).fen();
            this.modelOptimisationExpense2025 = ((MoneyColumn) table.column("model_optimisation_expense_2025")).fen();
            this.scenarioProjectInput2023 = ((MoneyColumn) table.column("scenario_project_input_2023")).fen();
            this.scenarioProjectInput2024 = ((MoneyColumn) table.column("scenario_project_input_2024")).fen();
            this.scenarioProjectInput2025 = ((MoneyColumn) table.column("scenario_project_input_2025")).fen();
            this.scenarioDemonstrationProject2023 = ((BooleanColumn) table.column("scenario_demonstration_project_2023")).values();
            this.scenarioDemonstrationProject2024 = ((BooleanColumn) table.column("scenario_demonstration_project_2024")).values();
            this.scenarioDemonstrationProject2025 = ((BooleanColumn) table.column("scenario_demonstration_project_2025")).values();
            this.employees2023 = ((NumberColumn) table.column("employees_2023")).values();
            this.employees2024 = ((NumberColumn) table.column("employees_2024")).values();
            this.employees2025 = ((NumberColumn) table.column("employees_2025")).values();
            this.rdStaff2023 = ((NumberColumn) table.column("rd_staff_2023")).values();
            this.rdStaff2024 = ((NumberColumn) table.column("rd_staff_2024")).values();
            this.rdStaff2025 = ((NumberColumn) table.column("rd_staff_2025")).values();
            this.patentsGranted2023 = ((NumberColumn) table.column("patents_granted_2023")).values();
            this.patentsGranted2024 = ((NumberColumn) table.column("patents_granted_2024")).values();
            this.patentsGranted2025 = ((NumberColumn) table.column("patents_granted_2025")).values();
            this.softwareCopyrights2023 = ((NumberColumn) table.column("software_copyrights_2023")).values();
            this.softwareCopyrights2024 = ((NumberColumn) table.column("software_copyrights_2024")).values();
            this.softwareCopyrights2025 = ((NumberColumn) table.column("software_copyrights_2025")).values();
            this.energyUse2023 = ((NumberColumn) table.column("energy_use_2023")).values();
            this.energyUse2024 = ((NumberColumn) table.column("energy_use_2024")).values();
            this.energyUse2025 = ((NumberColumn) table.column("energy_use_2025")).values();
        }
    }

    /** The row's identifier, 1-based: what the checksums add up. */
    public int getId() {
        return row + 1;
    }

    public String getDistrict() {
        return c.district.text(row);
    }

    public String getIndustryCode() {
        return c.industryCode.text(row);
    }

    public Set<String> getQualifications() {
        return c.qualifications.set(row);
    }

    public Set<String> getTracks() {
        return c.tracks.set(row);
    }

    public Integer getRegisteredOn() {
        return c.registeredOn[row] == DateColumn.UNKNOWN ? null : c.registeredOn[row];
    }

    public Integer getHighTechCertifiedOn() {
        return c.highTechCertifiedOn[row] == DateColumn.UNKNOWN ? null : c.highTechCertifiedOn[row];
    }

    public Boolean getListed() {
        return c.listed[row] == BooleanColumn.UNKNOWN ? null : c.listed[row] == 1;
    }

    public Boolean getHeadquarters() {
        return c.headquarters[row] == BooleanColumn.UNKNOWN ? null : c.headquarters[row] == 1;
    }

    public Boolean getStateOwned() {
        return c.stateOwned[row] == BooleanColumn.UNKNOWN ? null : c.stateOwned[row] == 1;
    }

    public Boolean getLargeModelEnterprise() {
        return c.largeModelEnterprise[row] == BooleanColumn.UNKNOWN ? null : c.largeModelEnterprise[row] == 1;
    }

    public Integer getLlmFilingFirstOn() {
        return c.llmFilingFirstOn[row] == DateColumn.UNKNOWN ? null : c.llmFilingFirstOn[row];
    }

    public Integer getAlgorithmFilingFirstOn() {
        return c.algorithmFilingFirstOn[row] == DateColumn.UNKNOWN ? null : c.algorithmFilingFirstOn[row];
    }

    public Long getRevenue2023() {
        return c.revenue2023[row] == MoneyColumn.UNKNOWN ? null : c.revenue2023[row];
    }

    public Long getRevenue2024() {
        return c.revenue2024[row] == MoneyColumn.UNKNOWN ? null : c.revenue2024[row];
    }

    public Long getRevenue2025() {
        return c.revenue2025[row] == MoneyColumn.UNKNOWN ? null : c.revenue2025[row];
    }

    public Long getRdExpense2023() {
        return c.rdExpense2023[row] == MoneyColumn.UNKNOWN ? null : c.rdExpense2023[row];
    }

    public Long getRdExpense2024() {
        return c.rdExpense2024[row] == MoneyColumn.UNKNOWN ? null : c.rdExpense2024[row];
    }

    public Long getRdExpense2025() {
        return c.rdExpense2025[row] == MoneyColumn.UNKNOWN ? null : c.rdExpense2025[row];
    }

    public Long getComputePurchases2023() {
        return c.computePurchases2023[row] == MoneyColumn.UNKNOWN ? null : c.computePurchases2023[row];
    }

    public Long getComputePurchases2024() {
        return c.computePurchases2024[row] == MoneyColumn.UNKNOWN ? null : c.computePurchases2024[row];
    }

    public Long getComputePurchases2025() {
        return c.computePurchases2025[row] == MoneyColumn.UNKNOWN ? null : c.computePurchases2025[row];
    }

    public Long getDataPurchases2023() {
        return c.dataPurchases2023[row] == MoneyColumn.UNKNOWN ? null : c.dataPurchases2023[row];
    }

    public Long getDataPurchases2024() {
        return c.dataPurchases2024[row] == MoneyColumn.UNKNOWN ? null : c.dataPurchases2024[row];
    }

    public Long getDataPurchases2025() {
        return c.dataPurchases2025[row] == MoneyColumn.UNKNOWN ? null : c.dataPurchases2025[row];
    }

    public Long getAlgorithmProcurement2023() {
        return c.algorithmProcurement2023[row] == MoneyColumn.UNKNOWN ? null : c.algorithmProcurement2023[row];
    }

    public Long getAlgorithmProcurement2024() {
        return c.algorithmProcurement2024[row] == MoneyColumn.UNKNOWN ? null : c.algorithmProcurement2024[row];
    }

    public Long getAlgorithmProcurement2025() {
        return c.algorithmProcurement2025[row] == MoneyColumn.UNKNOWN ? null : c.algorithmProcurement2025[row];
    }

    public Long getEquipmentPurchases2023() {
        return c.equipmentPurchases2023[row] == MoneyColumn.UNKNOWN ? null : c.equipmentPurchases2023[row];
    }

    public Long getEquipmentPurchases2024() {
        return c.equipmentPurchases2024[row] == MoneyColumn.UNKNOWN ? null : c.equipmentPurchases2024[row];
    }

    public Long getEquipmentPurchases2025() {
        return c.equipmentPurchases2025[row] == MoneyColumn.UNKNOWN ? null : c.equipmentPurchases2025[row];
    }

    public Long getFixedAssetInvestment2023() {
        return c.fixedAssetInvestment2023[row] == MoneyColumn.UNKNOWN ? null : c.fixedAssetInvestment2023[row];
    }

    public Long getFixedAssetInvestment2024() {
        return c.fixedAssetInvestment2024[row] == MoneyColumn.UNKNOWN ? null : c.fixedAssetInvestment2024[row];
    }

    public Long getFixedAssetInvestment2025() {
        return c.fixedAssetInvestment2025[row] == MoneyColumn.UNKNOWN ? null : c.fixedAssetInvestment2025[row];
    }

    public Long getTaxPaid2023() {
        return c.taxPaid2023[row] == MoneyColumn.UNKNOWN ? null : c.taxPaid2023[row];
    }

    public Long getTaxPaid2024() {
        return c.taxPaid2024[row] == MoneyColumn.UNKNOWN ? null : c.taxPaid2024[row];
    }

    public Long getTaxPaid2025() {
        return c.taxPaid2025[row] == MoneyColumn.UNKNOWN ? null : c.taxPaid2025[row];
    }

    public Long getExportValue2023() {
        return c.exportValue2023[row] == MoneyColumn.UNKNOWN ? null : c.exportValue2023[row];
    }

    public Long getExportValue2024() {
        return c.exportValue2024[row] == MoneyColumn.UNKNOWN ? null : c.exportValue2024[row];
    }

    public Long getExportValue2025() {
        return c.exportValue2025[row] == MoneyColumn.UNKNOWN ? null : c.exportValue2025[row];
    }

    public Long getProfit2023() {
        return c.profit2023[row] == MoneyColumn.UNKNOWN ? null : c.profit2023[row];
    }

    public Long getProfit2024() {
        return c.profit2024[row] == MoneyColumn.UNKNOWN ? null : c.profit2024[row];
    }

    public Long getProfit2025() {
        return c.profit2025[row] == MoneyColumn.UNKNOWN ? null : c.profit2025[row];
    }

    public Long getModelOptimisationExpense2023() {
        return c.modelOptimisationExpense2023[row] == MoneyColumn.UNKNOWN ? null : c.modelOptimisationExpense2023[row];
    }

    public Long getModelOptimisationExpense2024() {
        return c.modelOptimisationExpense2024[row] == MoneyColumn.UNKNOWN ? null : c.modelOptimisationExpense2024[row];
    }

    public Long getModelOptimisationExpense2025() {
        return c.modelOptimisationExpense2025[row] == MoneyColumn.UNKNOWN ? null : c.modelOptimisationExpense2025[row];
    }

    public Long getScenarioProjectInput2023() {
        return c.scenarioProjectInput2023[row] == MoneyColumn.UNKNOWN ? null : c.scenarioProjectInput2023[row];
    }

    public Long getScenarioProjectInput2024() {
        return c.scenarioProjectInput2024[row] == MoneyColumn.UNKNOWN ? null : c.scenarioProjectInput2024[row];
    }

    public Long getScenarioProjectInput2025() {
        return c.scenarioProjectInput2025[row] == MoneyColumn.UNKNOWN ? null : c.scenarioProjectInput2025[row];
    }

    public Boolean getScenarioDemonstrationProject2023() {
        return c.scenarioDemonstrationProject2023[row] == BooleanColumn.UNKNOWN ? null : c.scenarioDemonstrationProject2023[row] == 1;
    }

    public Boolean getScenarioDemonstrationProject2024() {
        return c.scenarioDemonstrationProject2024[row] == BooleanColumn.UNKNOWN ? null : c.scenarioDemonstrationProject2024[row] == 1;
    }

    public Boolean getScenarioDemonstrationProject2025() {
        return c.scenarioDemonstrationProject2025[row] == BooleanColumn.UNKNOWN ? null : c.scenarioDemonstrationProject2025[row] == 1;
    }

    public Integer getEmployees2023() {
        return c.employees2023[row] == NumberColumn.UNKNOWN ? null : c.employees2023[row];
    }

    public Integer getEmployees2024() {
        return c.employees2024[row] == NumberColumn.UNKNOWN ? null : c.employees2024[row];
    }

    public Integer getEmployees2025() {
        return c.employees2025[row] == NumberColumn.UNKNOWN ? null : c.employees2025[row];
    }

    public Integer getRdStaff2023() {
        return c.rdStaff2023[row] == NumberColumn.UNKNOWN ? null : c.rdStaff2023[row];
    }

    public Integer getRdStaff2024() {
        return c.rdStaff2024[row] == NumberColumn.UNKNOWN ? null : c.rdStaff2024[row];
    }

    public Integer getRdStaff2025() {
        return c.rdStaff2025[row] == NumberColumn.UNKNOWN ? null : c.rdStaff2025[row];
    }

    public Integer getPatentsGranted2023() {
        return c.patentsGranted2023[row] == NumberColumn.UNKNOWN ? null : c.patentsGranted2023[row];
    }

    public Integer getPatentsGranted2024() {
        return c.patentsGranted2024[row] == NumberColumn.UNKNOWN ? null : c.patentsGranted2024[row];
    }

    public Integer getPatentsGranted2025() {
        return c.patentsGranted2025[row] == NumberColumn.UNKNOWN ? null : c.patentsGranted2025[row];
    }

    public Integer getSoftwareCopyrights2023() {
        return c.softwareCopyrights2023[row] == NumberColumn.UNKNOWN ? null : c.softwareCopyrights2023[row];
    }

    public Integer getSoftwareCopyrights2024() {
        return c.softwareCopyrights2024[row] == NumberColumn.UNKNOWN ? null : c.softwareCopyrights2024[row];
    }

    public Integer getSoftwareCopyrights2025() {
        return c.softwareCopyrights2025[row] == NumberColumn.UNKNOWN ? null : c.softwareCopyrights2025[row];
    }

    public Integer getEnergyUse2023() {
        return c.energyUse2023[row] == NumberColumn.UNKNOWN ? null : c.energyUse2023[row];
    }

    public Integer getEnergyUse2024() {
        return c.energyUse2024[row] == NumberColumn.UNKNOWN ? null : c.energyUse2024[row];
    }

    public Integer getEnergyUse2025() {
        return c.energyUse2025[row] == NumberColumn.UNKNOWN ? null : c.energyUse2025[row];
    }

}
