using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// What storing a RegisterSeizure's rows costs SQLite alone, without the service: the rows the service wrote for its
/// most recent registrations (found through their audit entries: each one's act, asset, time limits, fact, view,
/// audit entry, event and idempotency record), inserted into a fresh database with the service's schema (tables,
/// indexes, foreign keys) by Microsoft.Data.Sqlite with prepared
/// commands, <c>batch</c> writes per transaction, each in its own savepoint, and the journal head updated once per
/// commit: what group commit does, with synchronous=FULL and temp_store=MEMORY as the service runs. SQLite has one
/// writer at a time, so this rate on one thread is a ceiling for any service that stores these rows in this schema,
/// and its CPU per write is the storage's share of a write's CPU. The reads a write also makes (idempotency, the
/// active seizure of the same land, the journal head) are left out: the ceiling is generous. Its latencies are
/// the commits' (one per batch), not the writes'.
/// </summary>
public static class StorageFloor
{
    /// <summary>The tables one registration inserts a row into, parents first (foreign keys are on).</summary>
    private static readonly string[] Tables = ["Seizures", "Assets", "Deadlines", "AssetFacts", "AssetViews", "AuditEntries", "Events", "IdempotencyRecords"];

    public sealed record Result(Measured Measured, double CpuMicrosPerWrite, int Prefilled);

    /// <param name="serviceDatabase">The service's database (read while the service runs: WAL lets a reader in).</param>
    /// <param name="folder">Where the fresh database goes.</param>
    /// <param name="batch">Writes per commit.</param>
    /// <param name="writes">How many registrations to insert, measured; as many before them are inserted unmeasured, so the indexes are not empty.</param>
    public static async Task<Result> RunAsync(string serviceDatabase, string folder, int batch, int writes)
    {
        var (schema, rows, head) = await ReadAsync(serviceDatabase, 2 * writes);
        var available = rows.Count;
        if (available < 2)
        {
            throw new InvalidOperationException($"The service's database holds {available} registrations: too few to measure the storage alone.");
        }

        var target = Path.Combine(folder, $"floor-{batch}.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; PRAGMA foreign_keys=ON;");
        foreach (var statement in schema)
        {
            await ExecuteAsync(connection, statement);
        }

        var inserts = rows.SelectMany(w => w).DistinctBy(r => r.Table).ToDictionary(r => r.Table, r => Insert(connection, r.Table, r.Values.Length));
        var headInsert = Insert(connection, "JournalHeads", head.Length);
        await RunAsync(headInsert, null, head);

        // The journal head as the commit loop moves it: its sequence columns rise by the batch's rows.
        var headUpdate = Prepare(connection, "UPDATE \"JournalHeads\" SET \"LastAuditSequence\" = \"LastAuditSequence\" + $p0, \"LastEventSequence\" = \"LastEventSequence\" + $p0", 1);

        var prefill = available / 2;
        await InsertAsync(connection, inserts, headUpdate, rows, 0, prefill, batch, null);
        var batchTimes = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await InsertAsync(connection, inserts, headUpdate, rows, prefill, available, batch, batchTimes);
        var elapsed = clock.Elapsed;
        var cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
        batchTimes.Sort();
        var measured = available - prefill;
        return new Result(new Measured(batch, measured, 0, elapsed, [.. batchTimes]), cpuMicros / measured, prefill);
    }

    private static async Task InsertAsync(SqliteConnection connection, Dictionary<string, SqliteCommand> inserts, SqliteCommand headUpdate, List<List<(string Table, object[] Values)>> rows, int from, int to, int batch, List<double>? batchTimes)
    {
        await using var savepoint = connection.CreateCommand();
        await using var release = connection.CreateCommand();
        for (var start = from; start < to; start += batch)
        {
            var started = Stopwatch.GetTimestamp();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var end = Math.Min(to, start + batch);
            for (var i = start; i < end; i++)
            {
                savepoint.Transaction = release.Transaction = transaction;
                savepoint.CommandText = $"SAVEPOINT w{i - start}";
                await savepoint.ExecuteNonQueryAsync();
                foreach (var (table, values) in rows[i])
                {
                    await RunAsync(inserts[table], transaction, values);
                }

                release.CommandText = $"RELEASE w{i - start}";
                await release.ExecuteNonQueryAsync();
            }

            await RunAsync(headUpdate, transaction, [(long)(end - start)]);
            await transaction.CommitAsync();
            batchTimes?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static async Task RunAsync(SqliteCommand command, SqliteTransaction? transaction, object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Insert(SqliteConnection connection, string table, int columns) =>
        Prepare(connection, $"INSERT INTO \"{table}\" VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(i => "$p" + i))})", columns);

    private static SqliteCommand Prepare(SqliteConnection connection, string text, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The service's schema (tables first, then indexes), the rows of its last <paramref name="count"/> registrations,
    /// oldest first (found through their audit entries: the event and the idempotency record by request id, the asset,
    /// its act, time limits, fact and view by the entry's resource), and the journal head.
    /// </summary>
    private static async Task<(List<string> Schema, List<List<(string Table, object[] Values)>> Writes, object[] Head)> ReadAsync(string serviceDatabase, int count)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = serviceDatabase, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync();
        var schema = (await RowsAsync(source, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND type IN ('table', 'index') ORDER BY type = 'index', rowid"))
            .Select(r => (string)r[0])
            .ToList();

        var audit = $"SELECT Sequence, RequestId, substr(Resource, 8) AS AssetId FROM AuditEntries WHERE Rpc = '/assetauction.v1.SeizureService/RegisterSeizure' ORDER BY Sequence DESC LIMIT {count}";
        var queries = new Dictionary<string, string>
        {
            ["Seizures"] = $"SELECT a.Sequence, s.* FROM ({audit}) a JOIN Assets x ON x.Id = a.AssetId JOIN Seizures s ON s.Id = x.SeizureId",
            ["Assets"] = $"SELECT a.Sequence, x.* FROM ({audit}) a JOIN Assets x ON x.Id = a.AssetId",
            ["Deadlines"] = $"SELECT a.Sequence, d.* FROM ({audit}) a JOIN Deadlines d ON d.AssetId = a.AssetId",
            ["AssetFacts"] = $"SELECT a.Sequence, f.* FROM ({audit}) a JOIN AssetFacts f ON f.AssetId = a.AssetId",
            ["AssetViews"] = $"SELECT a.Sequence, v.* FROM ({audit}) a JOIN AssetViews v ON v.AssetId = a.AssetId",
            ["AuditEntries"] = $"SELECT a.Sequence, e.* FROM ({audit}) a JOIN AuditEntries e ON e.Sequence = a.Sequence",
            ["Events"] = $"SELECT a.Sequence, e.* FROM ({audit}) a JOIN Events e ON e.RequestId = a.RequestId",
            ["IdempotencyRecords"] = $"SELECT a.Sequence, i.* FROM ({audit}) a JOIN IdempotencyRecords i ON i.RequestId = a.RequestId",
        };

        var writes = new SortedDictionary<long, List<(string Table, object[] Values)>>();
        foreach (var table in Tables)
        {
            foreach (var row in await RowsAsync(source, queries[table]))
            {
                var sequence = (long)row[0];
                if (!writes.TryGetValue(sequence, out var write))
                {
                    writes[sequence] = write = [];
                }

                write.Add((table, row[1..]));
            }
        }

        var head = (await RowsAsync(source, "SELECT * FROM JournalHeads LIMIT 1")).Single();
        return (schema, [.. writes.Values.Where(w => w.Count >= Tables.Length)], head);
    }

    private static async Task<List<object[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        var rows = new List<object[]>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
