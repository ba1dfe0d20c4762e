using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkingYearStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetFacts",
                columns: table => new
                {
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SeizedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstAuctionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstStartingPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    SoldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SalePrice = table.Column<long>(type: "INTEGER", nullable: false),
                    FullyPaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    RealisedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOutOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PriceSteps = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FailedRoundDates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetFacts", x => x.AssetId);
                });

            migrationBuilder.CreateTable(
                name: "FrozenReports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    Csv = table.Column<string>(type: "TEXT", nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FrozenTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrozenReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssetFacts_Office_SeizedOn",
                table: "AssetFacts",
                columns: new[] { "Office", "SeizedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FrozenReports_Scope_Year_Months",
                table: "FrozenReports",
                columns: new[] { "Scope", "Year", "Months" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetFacts");

            migrationBuilder.DropTable(
                name: "FrozenReports");
        }
    }
}
