using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Deadlines;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using CsvHelper;
using CsvHelper.Configuration;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Imports a bank or treasury statement and matches its lines to the ledger's custody movements by
/// reference and amount. A line already imported (same fingerprint) is skipped, so importing the same
/// statement twice changes nothing.
/// </summary>
public sealed class ImportStatement(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock)
{
    public Task<V1.ImportStatementResponse> HandleAsync(V1.ImportStatementRequest request, RequestContext context)
    {
        var office = request.Office.Trim();
        var lines = StatementCsv.Parse(request.CsvContent);
        return runner.RunAsync(context, request, request.RequestId, async log =>
        {
            context.Caller.EnsureCanChange(office, $"offices/{office}");
            var now = clock.GetUtcNow();
            var response = new V1.ImportStatementResponse { LinesRead = lines.Count };
            var statementId = request.StatementId.Trim();
            var added = new List<StatementLine>();
            foreach (var line in lines)
            {
                // The same line of the same statement: imported once. Identical transfers on other statements are new lines.
                var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{office}|{statementId}|{line.Number}|{line.Date:yyyy-MM-dd}|{line.Amount}|{line.Reference}")));
                if (await db.StatementLines.AnyAsync(s => s.Office == office && s.Fingerprint == fingerprint, context.CancellationToken))
                {
                    response.LinesAlreadyImported++;
                    continue;
                }

                added.Add(new StatementLine(Ids.Next(now), office, statementId, line.Number, fingerprint, line.Date, line.Amount, line.Reference, line.Counterparty, now));
            }

            // One matching pass over every unmatched line of the office: the new ones, and older ones whose
            // ledger movement was recorded after they were imported.
            db.StatementLines.AddRange(added);
            await db.SaveChangesAsync(context.CancellationToken);
            response.LinesMatched = await MatchOpenLinesAsync(office, context.CancellationToken);
            response.UnmatchedLines.Add(added.Where(l => l.MatchedTransactionId is null).Select(l => l.ToProto()));

            log.Record("statement.imported", $"offices/{office}/statements/{statementId}", office, null, response);
            return response;
        });
    }

    private async Task<int> MatchOpenLinesAsync(string office, CancellationToken ct)
    {
        var open = await db.StatementLines.Where(s => s.Office == office && s.MatchedTransactionId == null).OrderBy(s => s.Id).ToListAsync(ct);
        var taken = (await db.StatementLines.Where(s => s.Office == office && s.MatchedTransactionId != null).Select(s => s.MatchedTransactionId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var matched = 0;
        foreach (var line in open)
        {
            var candidates = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.Office == office && e.Account == LedgerAccount.Custody && e.Amount == line.Amount && e.Reference == line.Reference)
                .OrderBy(e => e.Id).Select(e => e.TransactionId).ToListAsync(ct);
            if (candidates.FirstOrDefault(t => !taken.Contains(t)) is { } match)
            {
                line.MatchTo(match);
                taken.Add(match);
                matched++;
            }
        }

        return matched;
    }

    public sealed class Validator : AbstractValidator<V1.ImportStatementRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Office).Required(64);
            RuleFor(r => r.StatementId).Required(64);
            RuleFor(r => r.CsvContent).Required(5_000_000);
        }
    }
}

/// <summary>The statement CSV: a header row, then date (yyyy-MM-dd), amount (whole dong), reference, counterparty.</summary>
internal static class StatementCsv
{
    public sealed record Line(int Number, DateOnly Date, long Amount, string Reference, string Counterparty);

    public static List<Line> Parse(string content)
    {
        var lines = new List<Line>();
        var violations = new List<FieldViolation>();
        using var reader = new StringReader(content);
        var badData = new List<string>();
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => badData.Add($"Line {args.Context.Parser?.Row}: malformed quoting."),
        });
        try
        {
            return Read(csv, lines, violations, badData);
        }
        catch (CsvHelperException e)
        {
            throw new RequestValidationException([new FieldViolation("csv_content", $"Line {e.Context?.Parser?.Row}: the CSV cannot be read ({e.GetType().Name}).")]);
        }
    }

    private static List<Line> Read(CsvReader csv, List<Line> lines, List<FieldViolation> violations, List<string> badData)
    {
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not ["date", "amount", "reference", "counterparty"])
        {
            throw new RequestValidationException([new FieldViolation("csv_content", "The first row must be the header: date,amount,reference,counterparty.")]);
        }

        while (csv.Read())
        {
            var number = csv.Parser.Row;
            var problems = new List<string>();
            if (!DateOnly.TryParseExact(csv.GetField(0), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add("date must be yyyy-MM-dd");
            }

            if (!long.TryParse(csv.GetField(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount) || amount == 0 || !Money.IsWithinBounds(amount))
            {
                problems.Add($"amount must be a non-zero whole number of dong, at most {Money.Max} in size");
            }

            var reference = csv.GetField(2) ?? "";
            if (reference.Length is 0 or > 1000)
            {
                problems.Add("reference is required (at most 1000 characters)");
            }

            if ((csv.GetField(3) ?? "").Length > 512)
            {
                problems.Add("counterparty is at most 512 characters");
            }

            if (csv.Parser.Count != 4)
            {
                problems.Add($"4 fields expected, {csv.Parser.Count} found");
            }

            if (problems.Count > 0)
            {
                violations.Add(new FieldViolation("csv_content", $"Line {number}: {string.Join("; ", problems)}."));
                continue;
            }

            lines.Add(new Line(number, date, amount, reference, csv.GetField(3) ?? ""));
        }

        violations.AddRange(badData.Select(d => new FieldViolation("csv_content", d)));
        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }

        return lines;
    }
}

/// <summary>The reconciliation of an office for a period, also as CSV.</summary>
public sealed class GetReconciliationReport(AssetAuctionDbContext db)
{
    public async Task<V1.GetReconciliationReportResponse> HandleAsync(V1.GetReconciliationReportRequest request, RequestContext context)
    {
        var office = OfficeScope.Resolve(request.Office, context);
        if (office.Length == 0)
        {
            throw new RequestValidationException([new FieldViolation("office", "A reconciliation is per office: name it.")]);
        }

        var from = request.FromDate.ToDateOnly()!.Value;
        var to = request.ToDate.ToDateOnly()!.Value;
        var custody = db.LedgerEntries.AsNoTracking().Where(e => e.Office == office && e.Account == LedgerAccount.Custody);
        var inPeriod = await custody.Where(e => e.ValueDate >= from && e.ValueDate <= to).OrderBy(e => e.Id).ToListAsync(context.CancellationToken);
        var held = await custody.Where(e => e.ValueDate <= to).SumExactAsync(context.CancellationToken);
        var statement = await db.StatementLines.AsNoTracking().Where(s => s.Office == office && s.ValueDate >= from && s.ValueDate <= to).OrderBy(s => s.ValueDate).ThenBy(s => s.Id).ToListAsync(context.CancellationToken);
        var matched = (await db.StatementLines.AsNoTracking().Where(s => s.Office == office && s.MatchedTransactionId != null).Select(s => s.MatchedTransactionId!).ToListAsync(context.CancellationToken)).ToHashSet(StringComparer.Ordinal);

        var response = new V1.GetReconciliationReportResponse
        {
            Office = office,
            FromDate = request.FromDate,
            ToDate = request.ToDate,
            Receipts = ExactSums.ToDong(ExactSums.Of(inPeriod.Where(e => e.Amount > 0).Select(e => e.Amount)), "the receipts"),
            Payouts = ExactSums.ToDong(-ExactSums.Of(inPeriod.Where(e => e.Amount < 0).Select(e => e.Amount)), "the payouts"),
            HeldBalance = ExactSums.ToDong(held, "the held balance"),
            Difference = ExactSums.ToDong(ExactSums.Of(statement.Select(s => s.Amount)) - ExactSums.Of(inPeriod.Select(e => e.Amount)), "the difference"),
            MatchedLines = statement.Count(s => s.MatchedTransactionId is not null),
        };
        response.UnknownStatementLines.Add(statement.Where(s => s.MatchedTransactionId is null).Select(s => s.ToProto()));
        response.MissingFromStatement.Add(inPeriod.Where(e => !matched.Contains(e.TransactionId)).Select(e => e.ToProto()));
        response.Csv = ReconciliationCsv.Write(response);
        return response;
    }

    public sealed class Validator : AbstractValidator<V1.GetReconciliationReportRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.FromDate).IsDate();
            RuleFor(r => r.ToDate).IsDate()
                .Must((r, to) => r.FromDate.ToDateOnly() is not { } f || to.ToDateOnly() is not { } t || t >= f).WithMessage("to_date cannot be before from_date.");
        }
    }
}

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

internal static class StatementMapping
{
    public static V1.StatementLine ToProto(this StatementLine s) => new()
    {
        StatementId = s.StatementId,
        LineNumber = s.LineNumber,
        ValueDate = s.ValueDate.ToProto(),
        Amount = s.Amount,
        Reference = s.Reference,
        Counterparty = s.Counterparty,
        MatchedTransactionId = s.MatchedTransactionId ?? "",
    };
}
