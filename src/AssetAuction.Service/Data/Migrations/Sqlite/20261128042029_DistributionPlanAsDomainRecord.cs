using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistributionPlanAsDomainRecord : Migration
    {
        /// <summary>
        /// Plans were stored as v1 proto JSON (PlanJson); they are now the domain's record (Plan). PlanJson is kept,
        /// nullable, for the rows already there: Proceeds/LegacyPlans converts them right after the migrations run
        /// (in C#, with the parser that wrote them, the same on both providers) and empties it. Until then Plan holds
        /// an empty plan ("{}"). Down does not convert back: plans prepared after the upgrade have no PlanJson.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PlanJson",
                table: "DistributionPlans",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Plan",
                table: "DistributionPlans",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Plan",
                table: "DistributionPlans");

            migrationBuilder.AlterColumn<string>(
                name: "PlanJson",
                table: "DistributionPlans",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
