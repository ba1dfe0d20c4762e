using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatementImportAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportId",
                table: "StatementLines",
                type: "TEXT",
                maxLength: 36,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "StoredStatements",
                columns: table => new
                {
                    Office = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatementId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentGzip = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StoreTime = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredStatements", x => new { x.Office, x.Digest });
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_Office_Amount",
                table: "StatementLines",
                columns: new[] { "Office", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementLines_Office_ImportId",
                table: "StatementLines",
                columns: new[] { "Office", "ImportId" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Office_Account_Amount",
                table: "LedgerEntries",
                columns: new[] { "Office", "Account", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoredStatements");

            migrationBuilder.DropIndex(
                name: "IX_StatementLines_Office_Amount",
                table: "StatementLines");

            migrationBuilder.DropIndex(
                name: "IX_StatementLines_Office_ImportId",
                table: "StatementLines");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_Office_Account_Amount",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "ImportId",
                table: "StatementLines");
        }
    }
}
