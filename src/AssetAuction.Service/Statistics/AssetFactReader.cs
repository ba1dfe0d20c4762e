using System.Data.Common;
using System.Globalization;
using AssetAuction.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// Reads the facts of a period with a plain data reader: a country's year is hundreds of thousands of rows,
/// and EF's entity materialisation cost several times the reading itself (measured in the benchmarks project).
/// Same filter as the model's: seized by the end, not completed before the start, optionally some offices.
/// </summary>
internal static class AssetFactReader
{
    public static async Task<List<AssetFact>> ReadAsync(DbContext db, IReadOnlyList<string>? offices, WorkingYear period, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = "SELECT AssetId, Office, CaseNumber, DecisionDate, SeizedOn, ValuedOn, FirstAuctionOn, FirstStartingPrice, SoldOn, SalePrice, FullyPaidOn, DisposedOn, Outcome, RealisedAmount, PaidOutOn, CompletedOn, PriceSteps, FailedRoundDates, PastSales FROM AssetFacts WHERE SeizedOn <= @end AND (CompletedOn IS NULL OR CompletedOn >= @start)";
            Add(command, "@end", sqlite ? Iso(period.End) : period.End);
            Add(command, "@start", sqlite ? Iso(period.Start) : period.Start);
            if (offices is not null)
            {
                sql += " AND Office IN (" + string.Join(", ", offices.Select((o, i) => "@o" + i.ToString(CultureInfo.InvariantCulture))) + ")";
                for (var i = 0; i < offices.Count; i++)
                {
                    Add(command, "@o" + i.ToString(CultureInfo.InvariantCulture), offices[i]);
                }
            }

            command.CommandText = sql;
            var facts = new List<AssetFact>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                DateOnly? Day(int i) => reader.IsDBNull(i) ? null : sqlite ? ParseDay(reader.GetString(i)) : reader.GetFieldValue<DateOnly>(i);
                facts.Add(AssetFact.FromRow(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Day(3)!.Value,
                    Day(4)!.Value,
                    new StoredDates(Day(5), Day(6), Day(8), Day(10), Day(11), Day(14), Day(15)),
                    reader.GetInt64(7),
                    reader.GetInt64(9),
                    (AssetOutcome)reader.GetInt32(12),
                    reader.GetInt64(13),
                    reader.GetString(16),
                    reader.GetString(17),
                    reader.GetString(18)));
            }

            return facts;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>SQLite keeps DateOnly as "yyyy-MM-dd" text.</summary>
    private static DateOnly ParseDay(string text) => new(
        int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture),
        int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture),
        int.Parse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture));
}
