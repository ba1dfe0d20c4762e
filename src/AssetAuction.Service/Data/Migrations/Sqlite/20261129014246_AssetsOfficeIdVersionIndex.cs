using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssetsOfficeIdVersionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assets_Office_Id",
                table: "Assets");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_Id_Version",
                table: "Assets",
                columns: new[] { "Office", "Id", "Version" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assets_Office_Id_Version",
                table: "Assets");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_Id",
                table: "Assets",
                columns: new[] { "Office", "Id" });
        }
    }
}
