using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
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
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Entry = table.Column<string>(type: "TEXT", nullable: false)
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
                    RoundId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Change = table.Column<string>(type: "TEXT", nullable: false)
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

            // Each element of the documents becomes its row, numbered from 1 in the document's order (json_each's key
            // is the 0-based index; its value, for an object, is the object's JSON text). A document that is not an
            // array (a JSON null, which read as an empty list) has no rows.
            migrationBuilder.Sql("INSERT INTO AssetHistory (AssetId, Number, Entry) SELECT a.Id, j.key + 1, j.value FROM Assets a, json_each(a.History) j WHERE json_type(a.History) = 'array';");
            migrationBuilder.Sql("INSERT INTO RoundChanges (RoundId, Number, AssetId, Change) SELECT r.Id, j.key + 1, r.AssetId, j.value FROM AuctionRounds r, json_each(r.Changes) j WHERE json_type(r.Changes) = 'array';");

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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "History",
                table: "Assets",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // The rows back into one document per asset and round, in their order.
            migrationBuilder.Sql("UPDATE Assets SET History = COALESCE((SELECT json_group_array(json(h.Entry)) FROM (SELECT Entry FROM AssetHistory WHERE AssetId = Assets.Id ORDER BY Number) h), '[]');");
            migrationBuilder.Sql("UPDATE AuctionRounds SET Changes = COALESCE((SELECT json_group_array(json(c.Change)) FROM (SELECT Change FROM RoundChanges WHERE RoundId = AuctionRounds.Id ORDER BY Number) c), '[]');");

            migrationBuilder.DropTable(
                name: "AssetHistory");

            migrationBuilder.DropTable(
                name: "RoundChanges");
        }
    }
}
