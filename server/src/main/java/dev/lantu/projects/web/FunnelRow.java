package dev.lantu.projects.web;

import dev.lantu.projects.Stage;

/** A stage of the funnel with its share of the largest, for the bars of the table. */
record FunnelRow(Stage stage, long projects, long plannedInvestmentFen, int percent) {
}
