using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AppendOnlyListsAsRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssetHistory",
                columns: table => new
                {
                    AssetId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Entry = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetHistory", x => new { x.AssetId, x.Number });
                    table.ForeignKey(
                        name: "FK_AssetHistory_Assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundChanges",
                columns: table => new
                {
                    RoundId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    AssetId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Change = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundChanges", x => new { x.RoundId, x.Number });
                    table.ForeignKey(
                        name: "FK_RoundChanges_AuctionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AuctionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundChanges_AssetId",
                table: "RoundChanges",
                column: "AssetId");

            // Each element of the documents becomes its row, numbered from 1 in the document's order (OPENJSON's key
            // is the 0-based index; its value, for an object, is the object's JSON text). A document that is not an
            // array (a JSON null, which read as an empty list) has no rows.
            migrationBuilder.Sql("INSERT INTO [AssetHistory] ([AssetId], [Number], [Entry]) SELECT a.[Id], CAST(j.[key] AS int) + 1, j.[value] FROM [Assets] a CROSS APPLY OPENJSON(a.[History]) j WHERE LEFT(LTRIM(a.[History]), 1) = '[';");
            migrationBuilder.Sql("INSERT INTO [RoundChanges] ([RoundId], [Number], [AssetId], [Change]) SELECT r.[Id], CAST(j.[key] AS int) + 1, r.[AssetId], j.[value] FROM [AuctionRounds] r CROSS APPLY OPENJSON(r.[Changes]) j WHERE LEFT(LTRIM(r.[Changes]), 1) = '[';");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "AuctionRounds");

            migrationBuilder.DropColumn(
                name: "History",
                table: "Assets");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "AuctionRounds",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "History",
                table: "Assets",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            // The rows back into one document per asset and round, in their order.
            migrationBuilder.Sql("UPDATE a SET [History] = '[' + h.[Entries] + ']' FROM [Assets] a CROSS APPLY (SELECT STRING_AGG(CAST([Entry] AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY [Number]) AS [Entries] FROM [AssetHistory] WHERE [AssetId] = a.[Id]) h WHERE h.[Entries] IS NOT NULL;");
            migrationBuilder.Sql("UPDATE r SET [Changes] = '[' + c.[Entries] + ']' FROM [AuctionRounds] r CROSS APPLY (SELECT STRING_AGG(CAST([Change] AS nvarchar(max)), ',') WITHIN GROUP (ORDER BY [Number]) AS [Entries] FROM [RoundChanges] WHERE [RoundId] = r.[Id]) c WHERE c.[Entries] IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "AssetHistory");

            migrationBuilder.DropTable(
                name: "RoundChanges");
        }
    }
}
