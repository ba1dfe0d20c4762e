using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.Sqlite
{
    /// <summary>Data only (the model is unchanged): the stored events take the names of what happened, see <see cref="EventTypeRenames"/>.</summary>
    [DbContext(typeof(SqliteAssetAuctionDbContext))]
    [Migration("20261128043000_EventTypesNamedForWhatHappened")]
    public partial class EventTypesNamedForWhatHappened : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => EventTypeRenames.Up(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => EventTypeRenames.Down(migrationBuilder);
    }
}
