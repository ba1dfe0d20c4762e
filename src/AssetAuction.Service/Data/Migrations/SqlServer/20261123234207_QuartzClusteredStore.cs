using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.SqlServer
{
    /// <summary>
    /// The tables of Quartz's clustered job store (QRTZ_*), which the deadline watch uses on SQL Server.
    /// They are Quartz's own fresh-install script for SQL Server, read from the Quartz assembly (see
    /// <see cref="QuartzStoreSchema"/>); they are not part of our EF model, so the snapshot does not change.
    /// </summary>
    public partial class QuartzClusteredStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzStoreSchema.SqlServer.Statements())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzStoreSchema.TablesToDrop)
            {
                migrationBuilder.Sql($"IF OBJECT_ID(N'{QuartzStoreSchema.TablePrefix}{table}', N'U') IS NOT NULL DROP TABLE {QuartzStoreSchema.TablePrefix}{table};");
            }
        }
    }
}
