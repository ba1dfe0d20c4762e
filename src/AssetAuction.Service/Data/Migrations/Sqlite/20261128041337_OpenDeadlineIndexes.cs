using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenDeadlineIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Office_State_DueDate",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_State_DueDate",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Office_State_DueDate",
                table: "Deadlines",
                columns: new[] { "Office", "State", "DueDate" },
                filter: "State = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_State_DueDate",
                table: "Deadlines",
                columns: new[] { "State", "DueDate" },
                filter: "State = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deadlines_Office_State_DueDate",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_State_DueDate",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_Office_State_DueDate",
                table: "Deadlines",
                columns: new[] { "Office", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_State_DueDate",
                table: "Deadlines",
                columns: new[] { "State", "DueDate" });
        }
    }
}
