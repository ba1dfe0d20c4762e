using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatementLinesByLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatementLines_Office_Fingerprint",
                table: "StatementLines");

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_Office_StatementId_LineNumber_Fingerprint",
                table: "StatementLines",
                columns: new[] { "Office", "StatementId", "LineNumber", "Fingerprint" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatementLines_Office_StatementId_LineNumber_Fingerprint",
                table: "StatementLines");

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_Office_Fingerprint",
                table: "StatementLines",
                columns: new[] { "Office", "Fingerprint" },
                unique: true);
        }
    }
}
