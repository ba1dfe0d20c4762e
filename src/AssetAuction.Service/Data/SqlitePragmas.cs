using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetAuction.Service.Data;

/// <summary>
/// Per-connection SQLite settings: wait for a busy writer instead of failing at once (several
/// service processes may share the file), enforce foreign keys, and synchronous=FULL: in WAL mode,
/// NORMAL may lose the last acknowledged commits on power loss, and these commits move money, so a
/// write is acknowledged only once it is on disk.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
