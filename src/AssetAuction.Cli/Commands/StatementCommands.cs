using System.CommandLine;
using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>`statement import` (a bank or treasury statement as CSV) and `statement reconcile` (the
/// reconciliation report of an office for a period; with --output csv, the service's own CSV).</summary>
internal static class StatementCommands
{
    public static Command Build(CliHost host)
    {
        var office = CliCommand.Text("--office", "The office whose account the statement is for.", required: true);
        var file = new Option<FileInfo>("--file", "-f") { Description = "The statement, CSV: date,amount,reference,counterparty (dong; receipts positive).", Required = true };
        var statementId = CliCommand.Text("--statement-id", "The statement's id (default: the file name without extension); importing the same statement again changes nothing.");
        var requestId = CliCommand.RequestId();
        var import = CliCommand.Create(host, "import", "Import a bank or treasury statement and match it to the ledger.", [office, file, statementId, requestId], async context =>
        {
            var statement = context.Value(file);
            if (!statement.Exists)
            {
                throw new UsageException($"{statement.FullName} does not exist.");
            }

            var response = await new ProceedsService.ProceedsServiceClient(context.Channel).ImportStatementAsync(new ImportStatementRequest
            {
                RequestId = context.NewRequestId(requestId),
                Office = context.Value(office)!,
                StatementId = context.Value(statementId) ?? Path.GetFileNameWithoutExtension(statement.Name),
                CsvContent = await File.ReadAllTextAsync(statement.FullName, context.Cancellation),
            }, cancellationToken: context.Cancellation);
            context.Printer.Print(response,
                Section.Fields("Statement imported",
                    ("lines read", Count(response.LinesRead)),
                    ("already imported", Count(response.LinesAlreadyImported)),
                    ("matched", Count(response.LinesMatched)),
                    ("unmatched", Count(response.UnmatchedLineCount)),
                    ("content digest", response.ContentDigest)),
                StatementLines(response.UnmatchedLineCount > response.UnmatchedLines.Count
                    ? $"Unmatched lines (the first {response.UnmatchedLines.Count}; the reconciliation report lists all)"
                    : "Unmatched lines", response.UnmatchedLines));
        });

        var reportOffice = CliCommand.Text("--office", "The office.", required: true);
        var from = CliCommand.Text("--from", "First day, yyyy-MM-dd.", required: true);
        var to = CliCommand.Text("--to", "Last day, yyyy-MM-dd.", required: true);
        var reconcile = CliCommand.Create(host, "reconcile", "The reconciliation report of an office for a period.", [reportOffice, from, to], async context =>
        {
            var response = await new ProceedsService.ProceedsServiceClient(context.Channel).GetReconciliationReportAsync(new GetReconciliationReportRequest
            {
                Office = context.Value(reportOffice)!,
                FromDate = ProtoText.ParseDate(context.Value(from)!, "--from"),
                ToDate = ProtoText.ParseDate(context.Value(to)!, "--to"),
            }, cancellationToken: context.Cancellation);
            if (context.Printer.Format == "csv")
            {
                // The service's CSV export is the report's reference form: print it as it is.
                host.Out.Write(response.Csv);
                return;
            }

            context.Printer.Print(response,
                Section.Fields($"Reconciliation {response.Office} {ProtoText.Date(response.FromDate)} to {ProtoText.Date(response.ToDate)}",
                    ("receipts", Printer.Money(response.Receipts)),
                    ("payouts", Printer.Money(response.Payouts)),
                    ("held balance", Printer.Money(response.HeldBalance)),
                    ("difference", Printer.Money(response.Difference)),
                    ("matched lines", Count(response.MatchedLines))),
                StatementLines("Statement lines nobody expected", response.UnknownStatementLines),
                Section.Table("Ledger movements missing from the statement", response.MissingFromStatement,
                    ("transaction", e => e.TransactionId),
                    ("kind", e => e.Kind),
                    ("asset", e => e.Asset),
                    ("amount", e => Printer.Money(e.Amount)),
                    ("value date", e => ProtoText.Date(e.ValueDate)),
                    ("reference", e => e.Reference)));
        });

        return CliCommand.Group("statement", "Bank and treasury statements, and reconciliation.", import, reconcile);
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Section StatementLines(string title, IEnumerable<StatementLine> lines) => Section.Table(title, lines,
        ("statement", l => l.StatementId),
        ("line", l => Count(l.LineNumber)),
        ("date", l => ProtoText.Date(l.ValueDate)),
        ("amount", l => Printer.Money(l.Amount)),
        ("reference", l => l.Reference),
        ("counterparty", l => l.Counterparty));
}
