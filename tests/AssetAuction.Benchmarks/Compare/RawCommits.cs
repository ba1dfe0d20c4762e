using Microsoft.Data.Sqlite;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// What the disk allows a durable writer: raw Microsoft.Data.Sqlite in WAL with synchronous=FULL (as the service runs),
/// one small row per transaction, one connection, for <c>duration</c>. The writes' ratio is taken against this.
/// </summary>
public static class RawCommits
{
    public static async Task<Measured> RunAsync(string databasePath, TimeSpan duration)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS Rows (Id INTEGER PRIMARY KEY, Payload TEXT NOT NULL);";
            await setup.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Rows (Payload) VALUES ($payload)";
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        return await Drive.RunAsync(1, duration, async i =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            payload.Value = $"row {i}: a durable single-row commit";
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            return true;
        });
    }
}
