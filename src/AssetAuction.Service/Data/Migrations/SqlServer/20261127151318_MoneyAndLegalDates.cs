using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CollectedAmount",
                table: "DistributionPlans",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CollectedSource",
                table: "DistributionPlans",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaidOutOn",
                table: "DistributionPlans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OpenTime",
                table: "Deadlines",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));
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
