using System.Globalization;
using System.Text;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>
/// The bank statement against the ledger's custody movements, for a settled asset. The report covers the whole office,
/// so each test has a host and database of its own: another test's sales would be missing from its statement.
/// </summary>
public sealed class ReconciliationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_statement_is_matched_against_the_custody_movements_and_imported_once()
    {
        using var service = Host();
        var books = await FirstStatementAsync(service);

        Assert.Equal(books.Custody.Count, books.Imported.LinesRead); // every custody movement but one, plus the unknown line
        Assert.Equal(books.Custody.Count - 1, books.Imported.LinesMatched);
        Assert.Equal("UNKNOWN-REF", books.Imported.UnmatchedLines.Single().Reference);
        var again = await books.Arranged.Finance.ImportStatementAsync(books.Import());
        Assert.Equal((books.Imported.LinesRead, 0), (again.LinesAlreadyImported, again.LinesMatched));
    }

    [Fact]
    public async Task The_report_shows_the_unknown_statement_line_and_the_movement_missing_from_the_statement()
    {
        using var service = Host();
        var books = await FirstStatementAsync(service);

        var report = await books.Arranged.Finance.GetReconciliationReportAsync(December());

        Assert.Equal(books.Custody.Count - 1, report.MatchedLines);
        Assert.Equal("UNKNOWN-REF", report.UnknownStatementLines.Single().Reference);
        Assert.Contains(report.MissingFromStatement, e => e.TransactionId == books.Omitted.TransactionId);
        Assert.Contains("unknown_statement_line,2026-12-21,123456,UNKNOWN-REF", report.Csv, StringComparison.Ordinal);
        Assert.Contains("missing_from_statement", report.Csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_statement_brings_the_missing_movements_and_only_the_unknown_line_differs()
    {
        using var service = Host();
        var books = await FirstStatementAsync(service);
        var report = await books.Arranged.Finance.GetReconciliationReportAsync(December());

        var second = await books.Arranged.Finance.ImportStatementAsync(new ImportStatementRequest
        {
            RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-2026-12B", CsvContent = Csv(report.MissingFromStatement),
        });

        Assert.Equal(report.MissingFromStatement.Count, second.LinesMatched);
        var reconciled = await books.Arranged.Finance.GetReconciliationReportAsync(December());
        Assert.Empty(reconciled.MissingFromStatement);
        Assert.Equal(123_456, reconciled.Difference);
        Assert.Equal(reconciled.Receipts - reconciled.Payouts, reconciled.HeldBalance);
    }

    private ServiceFactory Host()
    {
        var service = new ServiceFactory();
        _ = service.LogTo(output);
        return service;
    }

    /// <summary>
    /// A settled asset, and December's statement "SK-2026-12" imported: every custody movement but the last payout,
    /// plus a line of 123,456 dong nobody recorded (UNKNOWN-REF).
    /// </summary>
    private static async Task<FirstStatement> FirstStatementAsync(ServiceFactory service)
    {
        var arranged = await DistributionCase.SettledAsync(service);
        var custody = (await arranged.EntriesAsync()).Where(e => e.Account == LedgerAccount.Custody && e.ReversalOf.Length == 0).ToList();
        var omitted = custody.Last(e => e.Kind == "payout");
        var csv = Csv(custody.Where(e => e.TransactionId != omitted.TransactionId)) + "2026-12-21,123456,\"UNKNOWN-REF\",\"Nobody, Ltd.\"\n";
        ImportStatementRequest Import() => new() { RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = "SK-2026-12", CsvContent = csv };
        var imported = await arranged.Finance.ImportStatementAsync(Import());
        return new FirstStatement(arranged, custody, omitted, Import, imported);
    }

    private sealed record FirstStatement(DistributionCase Arranged, List<LedgerEntry> Custody, LedgerEntry Omitted, Func<ImportStatementRequest> Import, ImportStatementResponse Imported);

    private static GetReconciliationReportRequest December() => new() { Office = TestData.Office, FromDate = D(2026, 12, 1), ToDate = D(2026, 12, 31) };

    /// <summary>The bank's CSV for <paramref name="movements"/>, each with the ledger's value date, amount and reference.</summary>
    private static string Csv(IEnumerable<LedgerEntry> movements)
    {
        var statement = new StringBuilder("date,amount,reference,counterparty\n");
        foreach (var e in movements)
        {
            statement.Append(CultureInfo.InvariantCulture, $"{e.ValueDate.Year:D4}-{e.ValueDate.Month:D2}-{e.ValueDate.Day:D2},{e.Amount},\"{e.Reference}\",Counterparty\n");
        }

        return statement.ToString();
    }
}
