using System.Globalization;
using AssetAuction.Service.Grpc;
using CsvHelper;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

internal static class ReconciliationCsv
{
    public static string Write(V1.GetReconciliationReportResponse report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        void Row(params object[] fields)
        {
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
        }

        Row("section", "date", "amount", "reference", "detail");
        Row("summary", $"{report.FromDate.ToDateOnly():yyyy-MM-dd}..{report.ToDate.ToDateOnly():yyyy-MM-dd}", "", "", $"office {report.Office}");
        Row("receipts", "", report.Receipts, "", "");
        Row("payouts", "", report.Payouts, "", "");
        Row("held_balance", "", report.HeldBalance, "", "");
        Row("difference", "", report.Difference, "", "");
        Row("matched_lines", "", report.MatchedLines, "", "");
        foreach (var line in report.UnknownStatementLines)
        {
            Row("unknown_statement_line", $"{line.ValueDate.ToDateOnly():yyyy-MM-dd}", line.Amount, line.Reference, line.Counterparty);
        }

        foreach (var entry in report.MissingFromStatement)
        {
            Row("missing_from_statement", $"{entry.ValueDate.ToDateOnly():yyyy-MM-dd}", entry.Amount, entry.Reference, $"{entry.Kind} {entry.Asset}");
        }

        return writer.ToString();
    }
}
