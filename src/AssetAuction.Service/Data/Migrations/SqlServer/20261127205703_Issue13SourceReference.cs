using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Issue13SourceReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceReference",
                table: "Assets",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_SourceReference",
                table: "Assets",
                columns: new[] { "Office", "SourceReference" },
                unique: true,
                filter: "[SourceReference] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assets_Office_SourceReference",
                table: "Assets");

            migrationBuilder.DropColumn(
                name: "SourceReference",
                table: "Assets");
        }
    }
}
