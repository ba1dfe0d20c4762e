using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_SourceReference",
                table: "Assets",
                columns: new[] { "Office", "SourceReference" },
                unique: true);
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
