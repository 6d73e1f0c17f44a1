package dev.lantu.projects;

/** Investment actually made in a year by the projects of one group (a district, a track or a stage), in fen. */
public record InvestmentTotal(String group, int year, long amountFen, long projects) {
}
