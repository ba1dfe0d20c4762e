using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.SqlServer
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
                    AssetId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SeizedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstAuctionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstStartingPrice = table.Column<long>(type: "bigint", nullable: false),
                    SoldOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SalePrice = table.Column<long>(type: "bigint", nullable: false),
                    FullyPaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DisposedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    RealisedAmount = table.Column<long>(type: "bigint", nullable: false),
                    PaidOutOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PriceSteps = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    FailedRoundDates = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetFacts", x => x.AssetId);
                });

            migrationBuilder.CreateTable(
                name: "FrozenReports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Months = table.Column<int>(type: "int", nullable: false),
                    Csv = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Digest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FrozenBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    FrozenTime = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
