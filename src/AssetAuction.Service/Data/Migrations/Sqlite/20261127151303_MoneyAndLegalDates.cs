using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoneyAndLegalDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CollectedAccount",
                table: "DistributionPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CollectedAmount",
                table: "DistributionPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CollectedSource",
                table: "DistributionPlans",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaidOutOn",
                table: "DistributionPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OpenTime",
                table: "Deadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CollectedAccount",
                table: "DistributionPlans");

            migrationBuilder.DropColumn(
                name: "CollectedAmount",
                table: "DistributionPlans");

            migrationBuilder.DropColumn(
                name: "CollectedSource",
                table: "DistributionPlans");

            migrationBuilder.DropColumn(
                name: "PaidOutOn",
                table: "DistributionPlans");

            migrationBuilder.DropColumn(
                name: "OpenTime",
                table: "Deadlines");
        }
    }
}
