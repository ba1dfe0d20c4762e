using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Seizures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// The reads kept prepared on SQLite (SqliteReadPool) stay prepared only if SQLite does not tie their plan to a bound
/// value: it prepares a statement again on the next step after such a parameter is bound (a LIMIT given as a parameter
/// is one), which cost ListAssets about a quarter of its CPU per page. Each statement the service keeps is run here twice with other values,
/// on the database the service migrated, and SQLite's own count of re-preparations must stay at zero.
/// </summary>
public sealed class KeptStatementsTests(ServiceWithoutDeadlineWatch service) : IClassFixture<ServiceWithoutDeadlineWatch>
{
    /// <summary>sqlite3_stmt_status's counter of automatic re-preparations (SQLITE_STMTSTATUS_REPREPARE).</summary>
    private const int Reprepared = 5;

    [Fact]
    public async Task The_kept_read_statements_are_not_prepared_again_when_run_with_other_values()
    {
        await service.Seizures().RegisterSeizureAsync(TestData.Seizure());

        var counts = await service.WithDbAsync(async db =>
        {
            var (current, first, next) = ViewQueries.Texts(db);
            var statements = new[] { current, first, next, StoredAnswers.Text(db), ActiveSeizureHolders.Text(db, 2) };
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                return statements.ToDictionary(text => text, text => TimesPreparedAgain(connection.Handle!, text));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.All(counts, pair => Assert.True(pair.Value == 0, $"prepared again {pair.Value} times: {pair.Key}"));
    }

    [Fact]
    public void A_limit_given_as_a_parameter_is_prepared_again_each_time_it_is_bound()
    {
        // The behaviour the test above guards against, shown on SQLite itself, so that test cannot pass vacuously.
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id TEXT PRIMARY KEY); INSERT INTO t VALUES ('a'), ('b');";
            create.ExecuteNonQuery();
        }

        Assert.True(TimesPreparedAgain(connection.Handle!, "SELECT id FROM t WHERE id > @after ORDER BY id LIMIT @take") > 0);
    }

    /// <summary>Runs <paramref name="text"/> twice, each time with other values bound, and returns SQLite's count of its re-preparations.</summary>
    private static int TimesPreparedAgain(sqlite3 db, string text)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(db, text, out var statement));
        using (statement)
        {
            for (var run = 0; run < 2; run++)
            {
                for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
                {
                    var bound = raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string() == "@take"
                        ? raw.sqlite3_bind_int(statement, i, 20 + run)
                        : raw.sqlite3_bind_text(statement, i, $"value-{run}");
                    Assert.Equal(raw.SQLITE_OK, bound);
                }

                int step;
                while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                }

                Assert.Equal(raw.SQLITE_DONE, step);
                raw.sqlite3_reset(statement);
            }

            return raw.sqlite3_stmt_status(statement, Reprepared, 0);
        }
    }
}
